// The verslag's open actions from earlier overleggen, a page at a time: at years of history
// hundreds stay open (issue 12). The exports hold every one; the screen says how many it shows.
import { createComputed, createSignal, on, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t } from '../../../i18n';
import { Alert, Button } from '../../../components/Form';
import { ActionTable } from './MinutesParts';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;

export function CarriedOver(props: { view: View }) {
  // Pages loaded after the view's first one; a reloaded view starts again from its own first page.
  const [extra, setExtra] = createSignal<View['carriedOver']>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  createComputed(
    on(
      () => props.view,
      (view) => {
        setExtra([]);
        setCursor(view.carriedOverNextCursor);
      },
    ),
  );
  const rows = () => [...props.view.carriedOver, ...extra()];
  const more = createAction((after: string) => api.minutes.carriedOver.query({ meetingId: props.view.meetingId, cursor: after }));
  let section: HTMLDivElement | undefined;
  const load = async (after: string) => {
    const page = await more.run(after);
    if (!page) return;
    const shown = rows().length;
    setExtra((r) => [...r, ...page.actions]);
    setCursor(page.nextCursor);
    // Keyboard users continue at the first action just loaded, not back at the top of the page.
    queueMicrotask(() => {
      const cell = section?.querySelectorAll<HTMLElement>('[data-testid="minutes-action"] th')[shown];
      if (!cell) return;
      cell.tabIndex = -1;
      cell.focus();
    });
  };
  return (
    <div class="stack" ref={section} data-testid="carried-over">
      <ActionTable title={t('minutes.carriedOver')} actions={rows()} withMeeting={true} />
      <Show when={props.view.carriedOverTotal > rows().length}>
        <p class="utrecht-paragraph muted" aria-live="polite">
          {t('minutes.carriedOverShown', { shown: rows().length, total: props.view.carriedOverTotal })}
        </p>
      </Show>
      <Show when={more.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show when={cursor()}>
        {(after) => (
          <div class="no-print">
            <Button onClick={() => void load(after())} busy={more.busy()}>
              {t('app.loadMore')}
            </Button>
          </div>
        )}
      </Show>
    </div>
  );
}
