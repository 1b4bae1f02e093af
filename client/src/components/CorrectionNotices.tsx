// P12 (BIT art. 6.7): notices to the member's partner that an item it saw was corrected, erased or
// restricted. A notice names the casus and the category only — never the value. Each has a real
// button to acknowledge (keyboard-friendly); acknowledged notices leave this list.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../lib/trpc';
import { createAction } from '../lib/action';
import { categoryLabel } from '../lib/labels';
import { formatDateTime, t, type TextKey } from '../i18n';
import { Alert, Button } from './Form';

export function CorrectionNotices(props: { caseId?: number }) {
  const [notices, { mutate, refetch }] = createResource(() => api.notices.mine.query());
  const [flash, setFlash] = createSignal<string | null>(null);
  const open = () =>
    (notices() ?? []).filter((n) => n.acknowledgedAt === null && (props.caseId === undefined || n.caseId === props.caseId));
  const ack = createAction(async (id: number) => {
    await api.notices.acknowledge.mutate({ id });
    // The notice leaves the list before "bevestigd" is announced, not after the list's reload.
    mutate((list) => list?.filter((n) => n.id !== id));
    setFlash(t('notices.acknowledged'));
    await refetch();
  });
  const line = (n: { kind: string; category: string }) =>
    t('notices.line', { kind: t(`notices.kind.${n.kind}` as TextKey), category: categoryLabel(n.category) });
  return (
    <>
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <Show when={open().length > 0}>
        <section class="card stack" aria-labelledby="notices-heading" data-testid="correction-notices">
          <h2 class="utrecht-heading-2" id="notices-heading">
            {t('notices.title')}
          </h2>
          <p class="utrecht-paragraph">{t('notices.intro')}</p>
          <Show when={ack.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <ul class="utrecht-unordered-list">
            <For each={open()}>
              {(n) => (
                <li data-testid="correction-notice">
                  {line(n)}{' '}
                  <Show when={props.caseId === undefined} fallback={<span>{formatDateTime(n.createdAt)}</span>}>
                    <A class="utrecht-link" href={`/casussen/${n.caseId}`}>
                      {t('notices.case')}
                    </A>{' '}
                    — {formatDateTime(n.createdAt)}
                  </Show>{' '}
                  <Button
                    variant="subtle"
                    busy={ack.busy()}
                    aria-label={t('notices.acknowledgeLabel', { line: line(n), date: formatDateTime(n.createdAt) })}
                    onClick={() => void ack.run(n.id)}
                  >
                    {t('notices.acknowledge')}
                  </Button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
