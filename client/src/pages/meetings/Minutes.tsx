// The verslag of one overleg: read by everyone who may, edited per agenda item by the coordinator
// while it is a concept (autosave with version check), then finalised, approved, exported and sent.
// The parts live in ./minutes/: text (MinutesText), status cycle (MinutesWorkflow), the fixed
// sections (MinutesParts) and the verslag's autosave (autosave.ts on lib/autosave.ts).
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Index, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDateTime, formatDay, t, type TextKey } from '../../i18n';
import { Alert, Status } from '../../components/Form';
import { Loaded } from '../../components/ResourceError';
import { createMinutesAutosave } from './minutes/autosave';
import { EditArea, ItemSubline, ItemText, TextBlock } from './minutes/MinutesText';
import { Workflow } from './minutes/MinutesWorkflow';
import { CarriedOver } from './minutes/CarriedOver';
import { ActionTable, AttendanceTable, Exports, Panden, SaveStatus, Versions } from './minutes/MinutesParts';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;

const statusTone = { concept: 'warning', definitief: 'neutral', vastgesteld: 'ok' } as const;

export default function Minutes() {
  const params = useParams<{ id: string }>();
  const meetingId = () => Number(params.id);
  const [view, { refetch }] = createResource(meetingId, (id) => api.minutes.get.query({ meetingId: id }));
  const [flash, setFlash] = createSignal<string | null>(null);
  const editable = () => hasRole('coordinator') && view()?.status === 'concept';
  const saver = createMinutesAutosave(meetingId, () => view()?.currentVersion ?? 1);
  const reload = async (message?: string) => {
    setFlash(message ?? null);
    await refetch();
  };

  return (
    <Loaded resource={view} back={{ href: '/overleggen', label: t('resource.backToMeetings') }}>
      {(v) => (
        <article class="stack minutes">
          <Header view={v()} />
          <div aria-live="polite">
            <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
          </div>
          <Show when={hasRole('coordinator')}>
            <Workflow view={v()} flush={saver.flush} onChange={reload} />
          </Show>
          <Exports meetingId={v().meetingId} />

          <Show when={editable()}>
            <div aria-live="polite" class="no-print">
              <SaveStatus
                saver={saver}
                onReload={() => {
                  saver.reset();
                  void reload();
                }}
              />
            </div>
            <p class="utrecht-paragraph muted no-print">{t('minutes.textNote')}</p>
          </Show>

          <AttendanceTable attendance={v().attendance} />
          <TextBlock title={t('minutes.intro')} value={v().intro} editable={editable()} onInput={(text) => saver.queue({ intro: text })} />

          <section class="stack">
            <h2 class="utrecht-heading-2">{t('minutes.agenda')}</h2>
            <Index each={v().items}>
              {(item, index) => (
                <section class="card stack" data-testid="minutes-item">
                  <h3 class="utrecht-heading-3">
                    {index + 1}. {item().title}
                  </h3>
                  <ItemSubline item={item()} />
                  <Show when={editable()} fallback={<ItemText notes={item().notes} decisions={item().decisions} />}>
                    <EditArea
                      label={t('minutes.notes')}
                      value={item().notes}
                      onInput={(text) => saver.queue({ items: { [item().agendaItemId]: { notes: text } } })}
                    />
                    <EditArea
                      label={t('minutes.decisions')}
                      value={item().decisions}
                      onInput={(text) => saver.queue({ items: { [item().agendaItemId]: { decisions: text } } })}
                    />
                  </Show>
                </section>
              )}
            </Index>
          </section>

          <Panden panden={v().panden} />
          <ActionTable title={t('minutes.actions')} actions={v().actions} withMeeting={false} />
          <CarriedOver view={v()} />
          <TextBlock
            title={t('minutes.closing')}
            value={v().closing}
            editable={editable()}
            onInput={(text) => saver.queue({ closing: text })}
          />
          <Show when={hasRole('coordinator')}>
            <Versions meetingId={v().meetingId} version={saver.version()} />
          </Show>
        </article>
      )}
    </Loaded>
  );
}

function Header(props: { view: View }) {
  const v = () => props.view;
  return (
    <>
      <div class="page-header">
        <div>
          <p class="utrecht-paragraph muted no-print">
            <A class="utrecht-link" href={`/overleggen/${v().meetingId}`}>
              {t('minutes.backToMeeting')}
            </A>
          </p>
          <h1 class="utrecht-heading-1" tabindex="-1">
            {t('minutes.title', { team: v().header.team })} — {formatDay(v().header.date, 'long')}
          </h1>
        </div>
        <div>
          <Status tone={statusTone[v().status]}>{t(`minutes.state.${v().status}` as TextKey)}</Status>
        </div>
      </div>
      <dl class="facts">
        <dt>{t('minutes.date')}</dt>
        <dd>{formatDay(v().header.date, 'long')}</dd>
        <dt>{t('minutes.time')}</dt>
        <dd>
          {v().header.time}–{v().header.endTime}
        </dd>
        <Show when={v().header.location}>
          <dt>{t('minutes.place')}</dt>
          <dd>{v().header.location}</dd>
        </Show>
        <Show when={v().header.videoLink}>
          <dt>{t('minutes.videoLink')}</dt>
          <dd>{v().header.videoLink}</dd>
        </Show>
        <Show when={v().header.chair}>
          <dt>{t('minutes.chair')}</dt>
          <dd>{v().header.chair}</dd>
        </Show>
      </dl>
      <Show when={v().approvedIn}>
        {(a) => <p class="utrecht-paragraph">{t('minutes.approvedIn', { date: formatDay(a().date, 'long') })}</p>}
      </Show>
      <Show when={v().distributedAt}>
        <p class="utrecht-paragraph muted">{t('minutes.distributedAt', { date: formatDateTime(v().distributedAt) })}</p>
      </Show>
    </>
  );
}
