import { A, Navigate, useParams } from '@solidjs/router';
import { SubjectPicker } from '../../components/SubjectPicker';
import { TRPCClientError } from '@trpc/client';
import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api, errorKey, errorMessage } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { formatDateTime, formatDay, t, today } from '../../i18n';
import { formatElapsed } from '../../lib/dates';
import { Alert, Button, SelectField, Status, TextAreaField, TextField } from '../../components/Form';
import { ResourceError } from '../../components/ResourceError';
import { partnerOption } from '../../lib/partners';
import { createLive, type LiveSnapshot } from './live';
import { minutesStatusLabel, minutesText, sectionLabel, sections } from './shared';
import { CasusPanel, Captured } from './LiveView';
import { Attendance } from './Attendance';
import { TaskEditor } from '../../components/TaskEditor';
import { taskStatusLabel } from '../../lib/labels';
import { CloseStep } from './CloseStep';

type SaveState = 'saved' | 'pending' | 'saving' | 'retry' | 'conflict' | 'error';
type Item = LiveSnapshot['meeting']['agenda'][number];

const backupKey = (id: number) => `overleg.notes.${id}`;

/**
 * Chair mode: one screen for the coordinator during the overleg. Data come from the same live
 * subscription members use; notes save as you type (debounced), survive a reload (kept on this
 * device until the server has them) and retry on a network loss, with the state on screen.
 */
export default function ChairMode() {
  const params = useParams<{ id: string }>();
  const meetingId = () => Number(params.id);
  const live = createLive(meetingId);
  const [partners] = createResource(() => api.partners.list.query());
  const meeting = () => live.snapshot()?.meeting;
  const accepted = createMemo(() => (meeting()?.agenda ?? []).filter((i) => i.state === 'geaccepteerd'));
  const current = createMemo(() => accepted().find((i) => i.id === meeting()?.currentAgendaItemId) ?? null);

  // ── Timer ──
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  const elapsed = () => {
    const started = meeting()?.currentItemStartedAt;
    return started ? Math.max(0, Math.floor((now() - Date.parse(started)) / 1000)) : 0;
  };

  // ── Notes editor with autosave ──
  const [editor, setEditor] = createStore({ itemId: 0, notes: '', decisions: '', version: 0 });
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let retryDelay = 1000;

  const persistLocal = () => localStorage.setItem(backupKey(editor.itemId), JSON.stringify({ notes: editor.notes, decisions: editor.decisions }));

  function loadItem(item: Item) {
    const raw = localStorage.getItem(backupKey(item.id));
    const backup = raw ? (JSON.parse(raw) as { notes: string; decisions: string }) : null;
    setEditor({ itemId: item.id, notes: backup?.notes ?? item.notes, decisions: backup?.decisions ?? item.decisions, version: item.version });
    setSaveError(null);
    if (backup && (backup.notes !== item.notes || backup.decisions !== item.decisions)) {
      setSaveState('pending');
      void flush(); // what was typed before a reload or network loss goes to the server now
    } else {
      localStorage.removeItem(backupKey(item.id));
      setSaveState('saved');
    }
  }

  // Switch the editor when the current item changes; follow server text while nothing is pending.
  createEffect(on(() => current()?.id, (id) => {
    const item = current();
    if (id && item && editor.itemId !== id) loadItem(item);
  }));
  createEffect(on(() => current()?.version, (version) => {
    const item = current();
    if (item && version && item.id === editor.itemId && saveState() === 'saved' && version > editor.version) {
      setEditor({ notes: item.notes, decisions: item.decisions, version });
    }
  }));

  function edit(field: 'notes' | 'decisions', value: string) {
    setEditor(field, value);
    setSaveState('pending');
    persistLocal();
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), 700);
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (inFlight) { again = true; return inFlight; }
    if (saveState() === 'saved' || !editor.itemId) return;
    const itemId = editor.itemId;
    const sent = { notes: editor.notes, decisions: editor.decisions };
    setSaveState('saving');
    inFlight = (async () => {
      try {
        const res = await api.agenda.saveNotes.mutate({ id: itemId, ...sent, version: editor.version });
        retryDelay = 1000;
        if (editor.itemId !== itemId) return;
        setEditor('version', res.version);
        if (editor.notes !== sent.notes || editor.decisions !== sent.decisions) { setSaveState('pending'); again = true; }
        else { setSaveState('saved'); localStorage.removeItem(backupKey(itemId)); }
      } catch (error) {
        if (errorKey(error) === 'conflict.version') {
          // Another screen saved in between: take its version, keep what the chair typed, say so.
          const fresh = await api.meetings.get.query({ id: meetingId() }).catch(() => null);
          const item = fresh?.agenda.find((i) => i.id === itemId);
          if (item && editor.itemId === itemId) setEditor('version', item.version);
          setSaveState('conflict');
          again = true;
        } else if (!(error instanceof TRPCClientError) || !error.data) {
          // Network loss: the text stays on this device and is sent again.
          setSaveState('retry');
          setTimeout(() => void flush(), retryDelay);
          retryDelay = Math.min(retryDelay * 2, 15_000);
        } else {
          setSaveState('error');
          setSaveError(errorMessage(error, t('app.networkError')));
        }
      } finally {
        inFlight = null;
        if (again) { again = false; if (saveState() !== 'retry') void flush(); }
      }
    })();
    return inFlight;
  }

  const beforeUnload = (e: BeforeUnloadEvent) => { if (saveState() !== 'saved') e.preventDefault(); };
  onMount(() => window.addEventListener('beforeunload', beforeUnload));
  onCleanup(() => window.removeEventListener('beforeunload', beforeUnload));

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
  const step = (delta: number) => {
    const list = accepted();
    if (closing()) {
      // Back from the close step: the last item is still current on the server (its timer runs on).
      if (delta < 0) { if (current()) setClosing(false); else void goTo(list[list.length - 1]); }
      return;
    }
    const at = list.findIndex((i) => i.id === current()?.id);
    if (delta > 0 && list.length > 0 && at === list.length - 1) { void flush().then(() => setClosing(true)); return; }
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
      KeyN: () => step(1), KeyP: () => step(-1), Digit1: () => notesRef?.focus(), Digit2: () => decisionsRef?.focus(),
      KeyW: () => agreementRef?.focus(), KeyT: () => taskRef?.focus(), KeyA: () => document.getElementById('attendance')?.focus(),
    };
    const action = actions[e.code];
    if (action) { e.preventDefault(); action(); }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <Show when={!me() || hasRole('coordinator')} fallback={<Navigate href={`/overleggen/${params.id}/live`} />}>
    <Show when={!live.unavailable()} fallback={<ResourceError error={live.unavailable()} back={{ href: '/overleggen', label: t('resource.backToMeetings') }} />}>
    <section class="stack">
      <p class="utrecht-paragraph no-print"><A class="utrecht-link" href={`/overleggen/${params.id}`}>← {meeting()?.title ?? t('meeting.back')}</A></p>
      <h1 class="utrecht-heading-1" tabindex="-1">{t('chair.title')}</h1>
      <Show when={live.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show when={live.state() === 'reconnecting'}><Alert kind="warning">{t('live.reconnecting')}</Alert></Show>
      <Show when={live.snapshot()} fallback={<p class="utrecht-paragraph" role="status">{t('app.loading')}</p>}>
        {(snap) => (
          <>
            <Show when={snap().meeting.status !== 'bezig'}><Alert kind="warning">{t('chair.notRunning')}</Alert></Show>
            <Show when={move.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
            <div class="chair">
              <nav class="chair-agenda chair-agenda--sticky stack" aria-label={t('agenda.title')}>
                <For each={sections}>
                  {(section) => (
                    <Show when={accepted().some((i) => i.section === section)}>
                    <div>
                      <h2 class="utrecht-heading-4">{sectionLabel(section)}</h2>
                      <ol>
                        <For each={accepted().filter((i) => i.section === section)}>
                          {(item) => (
                            <li><button type="button" aria-current={item.id === current()?.id ? 'true' : undefined} onClick={() => void goTo(item)}>
                              {item.title} <span class="muted">({minutesText(item.durationMinutes)})</span>
                            </button></li>
                          )}
                        </For>
                      </ol>
                    </div>
                    </Show>
                  )}
                </For>
                <ol>
                  <li><button type="button" aria-current={closing() ? 'true' : undefined} onClick={() => void flush().then(() => setClosing(true))}>{t('chair.closeStep')}</button></li>
                </ol>
                <Shortcuts />
              </nav>

              <div class="stack">
                {/* Sticky: the current item and its timer stay in view while the chair scrolls to
                    the capture forms or the attendance (issue 9 item 10). */}
                <div class="chair-bar" data-testid="chair-bar">
                  <div>
                    <p class="utrecht-paragraph muted chair-bar__label" id="current-title">{closing() ? '' : t('chair.current')}{!closing() && current() ? ` · ${sectionLabel(current()!.section)}` : ''}</p>
                    <h2 class="utrecht-heading-3 chair-bar__title" data-testid="current-item-title">{closing() ? t('chair.closeStep') : current()?.title ?? t('chair.noCurrent')}</h2>
                  </div>
                  <Show when={!closing() && current()}>
                    {(c) => (
                      <p class="timer" classList={{ 'is-over': elapsed() > c().durationMinutes * 60 }} role="timer" aria-live="off" data-testid="chair-timer">
                        {t('chair.timer', { elapsed: formatElapsed(elapsed()), planned: c().durationMinutes })}
                        <Show when={elapsed() > c().durationMinutes * 60}> — {t('chair.overtime')}</Show>
                      </p>
                    )}
                  </Show>
                  <div class="inline-form">
                    <Button onClick={() => step(-1)} busy={move.busy()} aria-keyshortcuts="Alt+P">← {t('chair.prev')} <kbd>Alt+P</kbd></Button>
                    <Show when={!closing()}>
                      <Button variant="primary" onClick={() => step(1)} busy={move.busy()} aria-keyshortcuts="Alt+N">{t('chair.next')} → <kbd>Alt+N</kbd></Button>
                    </Show>
                  </div>
                </div>
                <Show when={closing()}>
                  <CloseStep snapshot={snap()} beforeClose={flush} />
                </Show>
                <section class="card stack" aria-labelledby="current-title" hidden={closing()}>
                  <Show when={current()}>
                    <TextAreaField ref={notesRef} label={t('chair.notes')} rows={6} value={editor.notes} onInput={(e) => edit('notes', e.currentTarget.value)} aria-keyshortcuts="Alt+1" />
                    <TextAreaField ref={decisionsRef} label={t('chair.decisions')} rows={3} value={editor.decisions} onInput={(e) => edit('decisions', e.currentTarget.value)} aria-keyshortcuts="Alt+2" />
                    <p class={`save-state save-state--${saveState()}`} role="status" aria-live="polite" data-testid="save-state">
                      {saveState() === 'saved' ? t('chair.save.saved') : saveState() === 'saving' ? t('chair.save.saving') : saveState() === 'retry' ? t('chair.save.retry')
                        : saveState() === 'conflict' ? t('chair.save.conflict') : saveState() === 'error' ? saveError() : t('chair.save.pending')}
                    </p>
                  </Show>
                  <Show when={current()?.section === 'verslag' && current()?.source === 'minutes' && snap().meeting.previousMeeting}>
                    {(previous) => <PreviousMinutes meetingId={snap().meeting.id} previous={previous()} />}
                  </Show>
                  <Show when={current()?.taskId ? current() : null}>{(item) => <CarriedAction item={item()} partners={partners() ?? []} />}</Show>
                  <Show when={snap().current?.casus}>{(casus) => <CasusPanel casus={casus()} />}</Show>
                </section>

                <QuickCapture snapshot={snap()} partners={partners() ?? []} refs={{ agreement: (el) => (agreementRef = el), task: (el) => (taskRef = el) }} />
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

type PreviousMeeting = NonNullable<LiveSnapshot['meeting']['previousMeeting']>;

/**
 * A carried-over action (issue 9.2/9.3): partner, due date and state as they are now, and the
 * chair can give it a new deadline, another partner or let it lapse right here.
 */
function CarriedAction(props: { item: Item; partners: { id: number; name: string; active: boolean }[] }) {
  const [flash, setFlash] = createSignal<string | null>(null);
  const task = () => ({
    id: props.item.taskId!, title: props.item.taskTitle ?? '', assigneePartnerId: props.item.taskAssigneePartnerId!, dueDate: props.item.taskDueDate ?? '',
    version: props.item.taskVersion ?? 1, status: props.item.taskStatus ?? 'open',
  });
  return (
    <section class="card stack" aria-labelledby="carried-title" data-testid="carried-action">
      <h3 class="utrecht-heading-3" id="carried-title">{t('agenda.source.carryover')}: {props.item.taskTitle}</h3>
      <p class="utrecht-paragraph">
        {t('agenda.actionLine', { partner: props.item.taskPartner ?? '', date: formatDay(props.item.taskDueDate ?? '') })}
        {' '}<Status tone={props.item.taskStatus === 'open' ? (props.item.taskBlocked ? 'warning' : 'neutral') : 'ok'}>
          {props.item.taskStatus === 'open' && props.item.taskBlocked ? t('blocker.state') : taskStatusLabel(props.item.taskStatus ?? 'open')}
        </Status>
      </p>
      <div aria-live="polite"><Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show></div>
      <TaskEditor task={task()} partners={props.partners} onChange={(m) => setFlash(m ?? null)} />
    </section>
  );
}

/**
 * Agenda item 2: the previous overleg's verslag is approved (definitief → vastgesteld) here.
 * Shows its status with a link; the button approves it in this overleg.
 */
function PreviousMinutes(props: { meetingId: number; previous: PreviousMeeting }) {
  const approve = createAction(() => api.minutes.approve.mutate({ meetingId: props.previous.id, approvedInMeetingId: props.meetingId }));
  const status = () => props.previous.minutesStatus;
  return (
    <section class="card stack" aria-labelledby="previous-minutes-title" data-testid="previous-minutes">
      <h3 class="utrecht-heading-3" id="previous-minutes-title">{t('chair.previousMinutes')}</h3>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={`/overleggen/${props.previous.id}/verslag`}>{t('chair.previousMinutesLink', { date: formatDateTime(props.previous.startsAt) })}</A>
        {' '}<Status tone={status() === 'vastgesteld' ? 'ok' : status() === 'definitief' ? 'warning' : 'neutral'}>{status() ? minutesStatusLabel(status()!) : t('chair.previousMinutesNone')}</Status>
      </p>
      <Show when={approve.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div aria-live="polite">
        <Show when={status() === 'vastgesteld'}>
          <Alert kind="ok">{props.previous.minutesApprovedInMeetingId === props.meetingId ? t('chair.previousMinutesApprovedHere') : t('chair.previousMinutesApproved')}</Alert>
        </Show>
      </div>
      <Show when={status() === 'definitief'}>
        <div class="inline-form">
          <Button variant="primary" busy={approve.busy()} onClick={() => void approve.run()}>{t('chair.approveMinutes')}</Button>
        </div>
      </Show>
      <Show when={status() === 'concept' || status() === null}>
        <p class="utrecht-paragraph muted">{t('chair.previousMinutesNotFinal')}</p>
      </Show>
    </section>
  );
}

function Shortcuts() {
  const keys: [string, Parameters<typeof t>[0]][] = [
    ['Alt+N', 'chair.key.next'], ['Alt+P', 'chair.key.prev'], ['Alt+1', 'chair.key.notes'], ['Alt+2', 'chair.key.decisions'],
    ['Alt+W', 'chair.key.agreement'], ['Alt+T', 'chair.key.task'], ['Alt+A', 'chair.key.attendance'], ['Ctrl+Enter', 'chair.key.submit'],
  ];
  return (
    <section class="card">
      <h2 class="utrecht-heading-4">{t('chair.shortcuts')}</h2>
      <dl class="shortcuts">
        <For each={keys}>{([k, label]) => <><dt><kbd>{k}</kbd></dt><dd>{t(label)}</dd></>}</For>
      </dl>
    </section>
  );
}

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

function QuickCapture(props: { snapshot: LiveSnapshot; partners: Partner[]; refs: { agreement: (el: HTMLTextAreaElement) => void; task: (el: HTMLInputElement) => void } }) {
  const item = () => props.snapshot.current?.item ?? null;
  const casus = () => props.snapshot.current?.casus ?? null;
  const active = () => props.partners.filter((p) => p.active);
  const options = () => active().map(partnerOption);
  const [flash, setFlash] = createSignal<string | null>(null);

  const [agreementText, setAgreementText] = createSignal('');
  const [responsible, setResponsible] = createSignal('');
  const [subjectIds, setSubjectIds] = createSignal<string[]>([]);
  createEffect(on(() => casus()?.id, () => { setResponsible(casus() ? String(casus()!.gemeentePartnerId) : ''); setSubjectIds([]); }));
  const agreement = createAction(() => api.agreements.create.mutate({
    caseId: casus()!.id, text: agreementText(), responsiblePartnerId: Number(responsible()), meetingId: props.snapshot.meeting.id, agendaItemId: item()?.id ?? null,
    subjectIds: subjectIds(),
  }));

  const [taskTitle, setTaskTitle] = createSignal('');
  const [assignee, setAssignee] = createSignal('');
  const [due, setDue] = createSignal(today(14));
  const task = createAction(() => api.tasks.create.mutate({
    title: taskTitle(), assigneePartnerId: Number(assignee()), dueDate: due(), meetingId: props.snapshot.meeting.id,
    agendaItemId: item()?.id ?? null, caseId: casus()?.id ?? null,
  }));

  const submitOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); (e.currentTarget as HTMLFormElement).requestSubmit(); }
  };

  return (
    <section class="card stack" aria-labelledby="capture-title">
      <h2 class="utrecht-heading-2" id="capture-title">{t('chair.capture')}</h2>
      <div aria-live="polite"><Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show></div>
      <div class="capture-grid">
        <form class="stack" onKeyDown={submitOnCtrlEnter} onSubmit={async (e) => {
          e.preventDefault();
          if (!casus()) return;
          if (await agreement.run()) { setAgreementText(''); setSubjectIds([]); setFlash(t('chair.agreementAdded')); }
        }}>
          <h3 class="utrecht-heading-3">{t('chair.captureAgreement')} <kbd>Alt+W</kbd></h3>
          <Show when={casus()} fallback={<p class="utrecht-paragraph muted">{t('chair.needsCase')}</p>}>
            <Show when={agreement.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
            <TextAreaField ref={props.refs.agreement} label={t('chair.agreementText')} rows={2} required value={agreementText()} onInput={(e) => setAgreementText(e.currentTarget.value)} error={agreement.field('text')} />
            <SelectField label={t('chair.responsible')} description={t('chair.partnerHelp')} required value={responsible()} placeholder="" onChange={(e) => setResponsible(e.currentTarget.value)} options={options()} error={agreement.field('responsiblePartnerId')} />
            <SubjectPicker subjects={casus()!.subjects} selected={subjectIds()} onChange={setSubjectIds} />
            <Button type="submit" variant="primary" busy={agreement.busy()}>{t('chair.addAgreement')}</Button>
          </Show>
        </form>
        <form class="stack" onKeyDown={submitOnCtrlEnter} onSubmit={async (e) => {
          e.preventDefault();
          const partner = props.partners.find((p) => p.id === Number(assignee()));
          if (await task.run()) { setTaskTitle(''); setDue(today(14)); setFlash(t('chair.taskAdded', { partner: partner?.name ?? '' })); }
        }}>
          <h3 class="utrecht-heading-3">{t('chair.captureTask')} <kbd>Alt+T</kbd></h3>
          <Show when={task.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
          <TextField ref={props.refs.task} label={t('chair.taskTitle')} required value={taskTitle()} onInput={(e) => setTaskTitle(e.currentTarget.value)} error={task.field('title')} />
          <SelectField label={t('chair.assignee')} description={t('chair.partnerHelp')} required value={assignee()} placeholder="" onChange={(e) => setAssignee(e.currentTarget.value)} options={options()} error={task.field('assigneePartnerId')} />
          <TextField label={t('chair.due')} type="date" required value={due()} onInput={(e) => setDue(e.currentTarget.value)} error={task.field('dueDate')} />
          <Button type="submit" variant="primary" busy={task.busy()}>{t('chair.addTask')}</Button>
        </form>
      </div>
    </section>
  );
}
