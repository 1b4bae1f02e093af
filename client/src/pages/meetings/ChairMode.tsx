// Chair mode: one screen for the coordinator during the overleg. Data come from the same live
// subscription members use; notes save as you type (./chair/notes.ts on the one autosave engine),
// survive a reload and retry on a network loss, with the state on screen. The parts live in
// ./chair/: agenda and shortcuts, the sticky bar with the timer, item panels, quick capture.
import { A, Navigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, TextAreaField } from '../../components/Form';
import { ResourceError } from '../../components/ResourceError';
import { createLive } from './live';
import { CasusPanel, Captured } from './LiveView';
import { Attendance } from './Attendance';
import { CloseStep } from './CloseStep';
import { createChairNotes, type ChairNotes, type Item } from './chair/notes';
import { ChairAgenda } from './chair/ChairAgenda';
import { ChairBar } from './chair/ChairBar';
import { CarriedAction, PreviousMinutes } from './chair/ItemPanels';
import { QuickCapture } from './chair/QuickCapture';

export default function ChairMode() {
  const params = useParams<{ id: string }>();
  const meetingId = () => Number(params.id);
  const live = createLive(meetingId);
  const [partners] = createResource(() => api.partners.list.query());
  const meeting = () => live.snapshot()?.meeting;
  const accepted = createMemo(() => (meeting()?.agenda ?? []).filter((i) => i.state === 'geaccepteerd'));
  const current = createMemo(() => accepted().find((i) => i.id === meeting()?.currentAgendaItemId) ?? null);
  const notes = createChairNotes(meetingId, current);
  const flush = async () => {
    await notes.flush();
  };

  // ── Navigation ──
  const move = createAction((agendaItemId: number | null) => api.meetings.setCurrentItem.mutate({ meetingId: meetingId(), agendaItemId }));
  // After the last item comes the close step (issue 9 item 10); it is local to this screen.
  const [closing, setClosing] = createSignal(false);
  async function goTo(item: Item | undefined) {
    if (!item) return;
    setClosing(false);
    await flush();
    await move.run(item.id);
  }
  const toClose = () => void flush().then(() => setClosing(true));
  const step = (delta: number) => {
    const list = accepted();
    if (closing()) {
      // Back from the close step: the last item is still current on the server (its timer runs on).
      if (delta < 0) {
        if (current()) setClosing(false);
        else void goTo(list[list.length - 1]);
      }
      return;
    }
    const at = list.findIndex((i) => i.id === current()?.id);
    if (delta > 0 && list.length > 0 && at === list.length - 1) {
      toClose();
      return;
    }
    void goTo(list[at === -1 ? 0 : at + delta]);
  };

  // ── Shortcuts ──
  let notesRef: HTMLTextAreaElement | undefined;
  let decisionsRef: HTMLTextAreaElement | undefined;
  let agreementRef: HTMLTextAreaElement | undefined;
  let taskRef: HTMLInputElement | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const actions: Record<string, () => void> = {
      KeyN: () => step(1),
      KeyP: () => step(-1),
      Digit1: () => notesRef?.focus(),
      Digit2: () => decisionsRef?.focus(),
      KeyW: () => agreementRef?.focus(),
      KeyT: () => taskRef?.focus(),
      KeyA: () => document.getElementById('attendance')?.focus(),
    };
    const action = actions[e.code];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <Show when={!me() || hasRole('coordinator')} fallback={<Navigate href={`/overleggen/${params.id}/live`} />}>
      <Show
        when={!live.unavailable()}
        fallback={<ResourceError error={live.unavailable()} back={{ href: '/overleggen', label: t('resource.backToMeetings') }} />}
      >
        <section class="stack">
          <p class="utrecht-paragraph no-print">
            <A class="utrecht-link" href={`/overleggen/${params.id}`}>
              ← {meeting()?.title ?? t('meeting.back')}
            </A>
          </p>
          <h1 class="utrecht-heading-1" tabindex="-1">
            {t('chair.title')}
          </h1>
          <Show when={live.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
          <Show when={live.state() === 'reconnecting'}>
            <Alert kind="warning">{t('live.reconnecting')}</Alert>
          </Show>
          <Show
            when={live.snapshot()}
            fallback={
              <p class="utrecht-paragraph" role="status">
                {t('app.loading')}
              </p>
            }
          >
            {(snap) => (
              <>
                <Show when={snap().meeting.status !== 'bezig'}>
                  <Alert kind="warning">{t('chair.notRunning')}</Alert>
                </Show>
                <Show when={move.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
                <div class="chair">
                  <ChairAgenda
                    items={accepted()}
                    currentId={current()?.id}
                    closing={closing()}
                    onGo={(item) => void goTo(item)}
                    onClose={toClose}
                  />
                  <div class="stack">
                    <ChairBar
                      current={current()}
                      startedAt={meeting()?.currentItemStartedAt}
                      closing={closing()}
                      busy={move.busy()}
                      onStep={step}
                    />
                    <Show when={closing()}>
                      <CloseStep snapshot={snap()} beforeClose={flush} />
                    </Show>
                    <section class="card stack" aria-labelledby="current-title" hidden={closing()}>
                      <Show when={current()}>
                        <NotesEditor notes={notes} refs={{ notes: (el) => (notesRef = el), decisions: (el) => (decisionsRef = el) }} />
                      </Show>
                      <Show when={current()?.section === 'verslag' && current()?.source === 'minutes' && snap().meeting.previousMeeting}>
                        {(previous) => <PreviousMinutes meetingId={snap().meeting.id} previous={previous()} />}
                      </Show>
                      <Show when={current()?.taskId ? current() : null}>
                        {(item) => <CarriedAction item={item()} partners={partners() ?? []} />}
                      </Show>
                      <Show when={snap().current?.casus}>{(casus) => <CasusPanel casus={casus()} />}</Show>
                    </section>

                    <QuickCapture
                      snapshot={snap()}
                      partners={partners() ?? []}
                      refs={{ agreement: (el) => (agreementRef = el), task: (el) => (taskRef = el) }}
                    />
                    <Captured snapshot={snap()} />
                    <Attendance meeting={snap().meeting} onChange={() => undefined} />
                  </div>
                </div>
              </>
            )}
          </Show>
        </section>
      </Show>
    </Show>
  );
}

const saveText = {
  saved: 'chair.save.saved',
  saving: 'chair.save.saving',
  retry: 'chair.save.retry',
  conflict: 'chair.save.conflict',
  pending: 'chair.save.pending',
} as const;

function NotesEditor(props: {
  notes: ChairNotes;
  refs: { notes: (el: HTMLTextAreaElement) => void; decisions: (el: HTMLTextAreaElement) => void };
}) {
  const n = () => props.notes;
  return (
    <>
      <TextAreaField
        ref={props.refs.notes}
        label={t('chair.notes')}
        rows={6}
        value={n().editor.notes}
        onInput={(e) => n().edit('notes', e.currentTarget.value)}
        aria-keyshortcuts="Alt+1"
      />
      <TextAreaField
        ref={props.refs.decisions}
        label={t('chair.decisions')}
        rows={3}
        value={n().editor.decisions}
        onInput={(e) => n().edit('decisions', e.currentTarget.value)}
        aria-keyshortcuts="Alt+2"
      />
      <p class={`save-state save-state--${n().state()}`} role="status" aria-live="polite" data-testid="save-state">
        {(() => {
          const s = n().state();
          return s === 'failed' ? n().error() : t(saveText[s]);
        })()}
      </p>
    </>
  );
}
