// The verslag of one overleg: read by everyone who may, edited per agenda item by the coordinator
// while it is a concept (autosave with version check), then finalised, approved, exported and sent.
import { SubjectTable } from '../../components/SubjectTable';
import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, Index, on, onCleanup, Show, type JSX } from 'solid-js';
import { api, errorKey, errorMessage } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { taskStatusLabel } from '../../lib/labels';
import { formatDateTime, formatDay, t, type TextKey } from '../../i18n';
import { formatItemValue } from '../../lib/dates';
import { Alert, Button, SelectField, Status } from '../../components/Form';
import { Loaded } from '../../components/ResourceError';
import { confirmDialog } from '../../components/ConfirmDialog';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;
type Action = View['actions'][number];
type Edit = { intro?: string; closing?: string; items: Record<string, { notes?: string; decisions?: string }> };
type SaveState = 'saved' | 'pending' | 'saving' | 'retry' | 'conflict' | 'failed';

const statusTone = { concept: 'warning', definitief: 'neutral', vastgesteld: 'ok' } as const;

export default function Minutes() {
  const params = useParams<{ id: string }>();
  const meetingId = () => Number(params.id);
  const [view, { refetch }] = createResource(meetingId, (id) => api.minutes.get.query({ meetingId: id }));
  const [flash, setFlash] = createSignal<string | null>(null);
  const editable = () => hasRole('coordinator') && view()?.status === 'concept';
  const saver = createAutosave(meetingId, () => view()?.currentVersion ?? 1);
  const reload = async (message?: string) => {
    setFlash(message ?? null);
    await refetch();
  };

  return (
    <Loaded resource={view} back={{ href: '/overleggen', label: t('resource.backToMeetings') }}>
      {(v) => (
        <article class="stack minutes">
          <div class="page-header">
            <div>
              <p class="utrecht-paragraph muted no-print"><A class="utrecht-link" href={`/overleggen/${v().meetingId}`}>{t('minutes.backToMeeting')}</A></p>
              <h1 class="utrecht-heading-1" tabindex="-1">{t('minutes.title', { team: v().header.team })} — {formatDay(v().header.date, 'long')}</h1>
            </div>
            <div><Status tone={statusTone[v().status]}>{t(`minutes.state.${v().status}` as TextKey)}</Status></div>
          </div>
          <dl class="facts">
            <dt>{t('minutes.date')}</dt><dd>{formatDay(v().header.date, 'long')}</dd>
            <dt>{t('minutes.time')}</dt><dd>{v().header.time}–{v().header.endTime}</dd>
            <Show when={v().header.location}><dt>{t('minutes.place')}</dt><dd>{v().header.location}</dd></Show>
            <Show when={v().header.videoLink}><dt>{t('minutes.videoLink')}</dt><dd>{v().header.videoLink}</dd></Show>
            <Show when={v().header.chair}><dt>{t('minutes.chair')}</dt><dd>{v().header.chair}</dd></Show>
          </dl>
          <Show when={v().approvedIn}>{(a) => <p class="utrecht-paragraph">{t('minutes.approvedIn', { date: formatDay(a().date, 'long') })}</p>}</Show>
          <Show when={v().distributedAt}><p class="utrecht-paragraph muted">{t('minutes.distributedAt', { date: formatDateTime(v().distributedAt) })}</p></Show>

          <div aria-live="polite"><Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show></div>
          <Show when={hasRole('coordinator')}>
            <Workflow view={v()} flush={saver.flush} onChange={reload} />
          </Show>
          <Exports meetingId={v().meetingId} />

          <Show when={editable()}>
            <div aria-live="polite" class="no-print"><SaveStatus saver={saver} onReload={() => { saver.reset(); void reload(); }} /></div>
            <p class="utrecht-paragraph muted no-print">{t('minutes.textNote')}</p>
          </Show>

          <section>
            <h2 class="utrecht-heading-2">{t('minutes.attendance')}</h2>
            <div class="table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption visually-hidden">{t('minutes.attendance')}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{t('minutes.partner')}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t('minutes.presence')}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t('minutes.attendees')}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  <For each={v().attendance}>
                    {(a) => (
                      <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">{a.partner}</th>
                        <td class="utrecht-table__cell">{t(`minutes.attendance.${a.status ?? 'unknown'}` as TextKey)}</td>
                        <td class="utrecht-table__cell">{a.attendees.join(', ')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </section>

          <TextBlock title={t('minutes.intro')} value={v().intro} editable={editable()} onInput={(text) => saver.queue({ intro: text })} />

          <section class="stack">
            <h2 class="utrecht-heading-2">{t('minutes.agenda')}</h2>
            <Index each={v().items}>
              {(item, index) => (
                <section class="card stack" data-testid="minutes-item">
                  <h3 class="utrecht-heading-3">{index + 1}. {item().title}</h3>
                  <ItemSubline item={item()} />
                  <Show when={editable()} fallback={<ItemText notes={item().notes} decisions={item().decisions} />}>
                    <EditArea label={t('minutes.notes')} value={item().notes} onInput={(text) => saver.queue({ items: { [item().agendaItemId]: { notes: text } } })} />
                    <EditArea label={t('minutes.decisions')} value={item().decisions} onInput={(text) => saver.queue({ items: { [item().agendaItemId]: { decisions: text } } })} />
                  </Show>
                </section>
              )}
            </Index>
          </section>

          <section class="stack">
            <h2 class="utrecht-heading-2">{t('minutes.panden')}</h2>
            <For each={v().panden} fallback={<p class="utrecht-paragraph">{t('minutes.noPanden')}</p>}>
              {(pand) => (
                <section class="card stack" data-testid="minutes-pand">
                  <h3 class="utrecht-heading-3"><A class="utrecht-link" href={`/casussen/${pand.caseId}`}>{pand.code}</A> — {pand.address}</h3>
                  <Show when={pand.agreements.length > 0} fallback={<p class="utrecht-paragraph muted">{t('minutes.noAgreements')}</p>}>
                    <ul class="utrecht-unordered-list">
                      <For each={pand.agreements}>{(a) => {
                        // The betrokkenen this werkafspraak concerns, by their number below (art. 20.1).
                        const numbers = () => a.subjectIds.map((id) => pand.subjects.findIndex((s) => s.id === id) + 1).filter((n) => n > 0);
                        return (
                          <li>{a.text} <span class="muted">({t('minutes.responsible', { partner: a.responsiblePartner })})</span>
                            <Show when={numbers().length > 0}> <span class="muted">— {t('minutes.agreementSubjects', { names: numbers().join(', ') })}</span></Show>
                          </li>
                        );
                      }}</For>
                    </ul>
                  </Show>
                  <Show when={pand.subjects.length > 0}>
                    <h4 class="utrecht-heading-4">{t('minutes.subjects')}</h4>
                    <For each={pand.subjects}>
                      {(s, i) => (
                        <SubjectTable kind={s.kind} n={i() + 1} rowTestId="minutes-item-value"
                          rows={s.items.map((item) => ({ category: item.category, source: item.source, value: () => formatItemValue(item.category, item.value) }))} />
                      )}
                    </For>
                  </Show>
                </section>
              )}
            </For>
          </section>

          <ActionTable title={t('minutes.actions')} actions={v().actions} withMeeting={false} />
          <ActionTable title={t('minutes.carriedOver')} actions={v().carriedOver} withMeeting={true} />
          <TextBlock title={t('minutes.closing')} value={v().closing} editable={editable()} onInput={(text) => saver.queue({ closing: text })} />
          <Show when={hasRole('coordinator')}><Versions meetingId={v().meetingId} version={saver.version()} /></Show>
        </article>
      )}
    </Loaded>
  );
}

/** Under an agenda item's title: its section (unless the title says it already), pand and presenter. */
function ItemSubline(props: { item: View['items'][number] }) {
  const parts = () => {
    const section = t(`minutes.section.${props.item.section}` as TextKey);
    const list: JSX.Element[] = [];
    if (section.toLowerCase() !== props.item.title.trim().toLowerCase()) list.push(section);
    if (props.item.caseCode) list.push(<><A class="utrecht-link" href={`/casussen/${props.item.caseId}`}>{props.item.caseCode}</A> — {props.item.caseAddress}</>);
    if (props.item.presenter) list.push(t('minutes.presenter', { partner: props.item.presenter }));
    return list;
  };
  return (
    <Show when={parts().length > 0}>
      <p class="utrecht-paragraph muted"><For each={parts()}>{(part, i) => <>{i() > 0 ? ' · ' : ''}{part}</>}</For></p>
    </Show>
  );
}

/** Free text keeps its line breaks; it is text, never markup. */
const Prose = (props: { text: string }) => <p class="utrecht-paragraph" style={{ 'white-space': 'pre-wrap' }}>{props.text}</p>;

function ItemText(props: { notes: string; decisions: string }) {
  return (
    <Show when={props.notes.trim() || props.decisions.trim()} fallback={<p class="utrecht-paragraph muted">{t('minutes.noText')}</p>}>
      <Show when={props.notes.trim()}><h4 class="utrecht-heading-4">{t('minutes.notes')}</h4><Prose text={props.notes} /></Show>
      <Show when={props.decisions.trim()}><h4 class="utrecht-heading-4">{t('minutes.decisions')}</h4><Prose text={props.decisions} /></Show>
    </Show>
  );
}

function TextBlock(props: { title: string; value: string; editable: boolean; onInput: (text: string) => void }) {
  return (
    <Show when={props.editable || props.value.trim()}>
      <section>
        <h2 class="utrecht-heading-2">{props.title}</h2>
        <Show when={props.editable} fallback={<Prose text={props.value} />}>
          <EditArea label={props.title} hideLabel value={props.value} onInput={props.onInput} />
        </Show>
      </section>
    </Show>
  );
}

/** An uncontrolled textarea: what the coordinator types stays put while saves go on in the background. */
function EditArea(props: { label: string; value: string; hideLabel?: boolean; onInput: (text: string) => void }) {
  const id = `minutes-${Math.random().toString(36).slice(2)}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label" classList={{ 'visually-hidden': Boolean(props.hideLabel) }}>
        <label class="utrecht-form-label" for={id}>{props.label}</label>
      </div>
      <div class="utrecht-form-field__input">
        <textarea id={id} class="utrecht-textarea utrecht-textarea--html-textarea" style={{ width: '100%', 'max-width': '60rem' }} rows={4} value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)} />
      </div>
    </div>
  );
}

function ActionTable(props: { title: string; actions: Action[]; withMeeting: boolean }) {
  return (
    <section>
      <h2 class="utrecht-heading-2">{props.title}</h2>
      <Show when={props.actions.length > 0} fallback={<p class="utrecht-paragraph">{t('minutes.noActions')}</p>}>
        <div class="table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption visually-hidden">{props.title}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('minutes.task')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('minutes.partner')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('minutes.due')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('minutes.taskStatus')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('minutes.pand')}</th>
                <Show when={props.withMeeting}><th class="utrecht-table__header-cell" scope="col">{t('minutes.fromMeeting')}</th></Show>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={props.actions}>
                {(a) => (
                  <tr class="utrecht-table__row" data-testid="minutes-action">
                    <th class="utrecht-table__header-cell" scope="row">{a.title}</th>
                    <td class="utrecht-table__cell">{a.partner}</td>
                    <td class="utrecht-table__cell"><span classList={{ overdue: a.overdue }}>{formatDay(a.dueDate, 'long')}</span></td>
                    <td class="utrecht-table__cell">{taskStatusLabel(a.status)}<Show when={a.overdue}> <Status tone="danger">{t('minutes.overdue')}</Status></Show></td>
                    <td class="utrecht-table__cell"><Show when={a.caseCode}><A class="utrecht-link" href={`/casussen/${a.caseId}`}>{a.caseCode}</A> — {a.caseAddress}</Show></td>
                    <Show when={props.withMeeting}><td class="utrecht-table__cell">{formatDay(a.meetingDate, 'long')}</td></Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

function Exports(props: { meetingId: number }) {
  const href = (format: string) => `/export/minutes/${props.meetingId}.${format}`;
  return (
    <section class="no-print" aria-labelledby="minutes-export">
      <h2 class="utrecht-heading-3" id="minutes-export">{t('minutes.export')}</h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href('html')} target="_blank" rel="noopener">{t('minutes.exportHtml')}</a>{' · '}
        <a class="utrecht-link" href={href('docx')} download="">{t('minutes.exportDocx')}</a>{' · '}
        <a class="utrecht-link" href={href('md')} download="">{t('minutes.exportMd')}</a>
      </p>
      <p class="utrecht-paragraph muted">{t('minutes.exportNote')}</p>
    </section>
  );
}

/** The coordinator's buttons for the status cycle and distribution. */
function Workflow(props: { view: View; flush: () => Promise<boolean>; onChange: (message?: string) => Promise<void> }) {
  const finalise = createAction(async () => {
    if (!(await props.flush())) return;
    await api.minutes.finalise.mutate({ meetingId: props.view.meetingId });
    await props.onChange(t('minutes.finalised'));
  });
  const reopen = createAction(async () => {
    await api.minutes.reopen.mutate({ meetingId: props.view.meetingId });
    await props.onChange(t('minutes.reopened'));
  });
  const send = createAction(async () => {
    const result = await api.minutes.send.mutate({ meetingId: props.view.meetingId });
    if (result.alreadySent) return props.onChange(t('minutes.alreadySent'));
    await props.onChange(result.failed > 0 ? t('minutes.sentWithFailures', { n: result.recipients, failed: result.failed }) : t('minutes.sent', { n: result.recipients }));
  });
  const error = () => finalise.error() ?? reopen.error() ?? send.error();
  // Asked before the action starts, so the button keeps focus for when the dialog closes.
  // Members lose the verslag until it is final again; sending mails every member.
  const askReopen = async () => {
    if (await confirmDialog({ title: t('minutes.reopen'), body: t('confirm.reopen'), confirm: t('minutes.reopen'), danger: true })) void reopen.run();
  };
  const askSend = async () => {
    if (await confirmDialog({ title: t('minutes.send'), body: t('confirm.send'), confirm: t('minutes.send') })) void send.run();
  };
  return (
    <section class="card stack no-print">
      <Show when={error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.view.status === 'concept'}>
        <p class="utrecht-paragraph">{t('minutes.finaliseHelp')}</p>
        <div class="inline-form"><Button variant="primary" busy={finalise.busy()} onClick={() => void finalise.run()}>{t('minutes.finalise')}</Button></div>
      </Show>
      <Show when={props.view.status !== 'concept'}>
        <p class="utrecht-paragraph">{t('minutes.sendHelp')}</p>
        <Show when={props.view.mailConfigured} fallback={<p class="utrecht-paragraph notice" id="minutes-mail-off">{t('minutes.mailNotConfigured')}</p>}>
          <div class="inline-form">
            <Button variant="primary" busy={send.busy()} onClick={() => void askSend()}>{t('minutes.send')}</Button>
            <Show when={props.view.status === 'definitief'}><Button busy={reopen.busy()} onClick={() => void askReopen()}>{t('minutes.reopen')}</Button></Show>
          </div>
        </Show>
        <Show when={!props.view.mailConfigured && props.view.status === 'definitief'}>
          <div class="inline-form"><Button busy={reopen.busy()} onClick={() => void askReopen()}>{t('minutes.reopen')}</Button></div>
        </Show>
      </Show>
      <Show when={props.view.status === 'definitief'}><Approve view={props.view} onChange={props.onChange} /></Show>
    </section>
  );
}

function Approve(props: { view: View; onChange: (message?: string) => Promise<void> }) {
  const [list] = createResource(() => api.meetings.list.query());
  const candidates = createMemo(() => {
    const all = [...(list()?.upcoming ?? []), ...(list()?.past ?? [])];
    return all.filter((m) => m.startsAt > props.view.header.startsAt && (m.status === 'bezig' || m.status === 'gesloten'))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });
  const [chosen, setChosen] = createSignal('');
  createEffect(on(candidates, (c) => { if (!chosen() && c[0]) setChosen(String(c[0].id)); }));
  const approve = createAction(async () => {
    await api.minutes.approve.mutate({ meetingId: props.view.meetingId, approvedInMeetingId: Number(chosen()) });
    await props.onChange(t('minutes.approved'));
  });
  return (
    <Show when={candidates().length > 0} fallback={<p class="utrecht-paragraph muted">{t('minutes.approveHelp')} {t('minutes.noLaterMeeting')}</p>}>
      <div class="stack">
        <Show when={approve.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <div class="inline-form">
          <SelectField label={t('minutes.approveIn')} description={t('minutes.approveHelp')} value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}
            options={candidates().map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt)} — ${m.title}` }))} />
          <Button busy={approve.busy()} onClick={() => void approve.run()}>{t('minutes.approve')}</Button>
        </div>
      </div>
    </Show>
  );
}

function Versions(props: { meetingId: number; version: number }) {
  const [versions] = createResource(() => [props.meetingId, props.version] as const, ([meetingId]) => api.minutes.versions.query({ meetingId }));
  return (
    <details class="no-print">
      <summary>{t('minutes.versions')} ({versions()?.length ?? '…'})</summary>
      <ol class="utrecht-ordered-list" reversed>
        <For each={versions()}>
          {(v) => <li>{t('minutes.versionLine', { version: v.version, date: formatDateTime(v.createdAt), by: v.createdBy ? ` (${v.createdBy})` : '' })}</li>}
        </For>
      </ol>
    </details>
  );
}

function SaveStatus(props: { saver: ReturnType<typeof createAutosave>; onReload: () => void }) {
  const s = props.saver;
  return (
    <Show when={s.state() !== 'saved' || s.version() > 1}>
      <Show when={s.state() === 'conflict'} fallback={
        <p class="utrecht-paragraph" classList={{ notice: s.state() === 'retry' || s.state() === 'failed', muted: s.state() !== 'retry' && s.state() !== 'failed' }} role="status">
          {s.state() === 'failed' ? t('minutes.save.failed', { message: s.error() ?? '' }) : t(`minutes.save.${s.state()}` as TextKey, { version: s.version() })}
        </p>
      }>
        <Alert kind="error">{t('minutes.save.conflict')} <Button onClick={props.onReload}>{t('minutes.loadLatest')}</Button></Alert>
      </Show>
    </Show>
  );
}

/**
 * Autosave of the verslag text: edits are collected and sent about a second after typing stops,
 * one save at a time, each based on the version the last save returned. A network failure keeps
 * the edits and retries; a newer version on the server (CONFLICT) stops saving and says so.
 */
function createAutosave(meetingId: () => number, serverVersion: () => number) {
  const [version, setVersion] = createSignal(serverVersion());
  const [state, setState] = createSignal<SaveState>('saved');
  const [error, setError] = createSignal<string | null>(null);
  let pending: Edit = { items: {} };
  let hasPending = false;
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  createEffect(on(serverVersion, (v) => { if (!hasPending && !inFlight) setVersion(v); }));

  const merge = (into: Edit, part: Partial<Edit>, keepExisting = false) => {
    if (part.intro !== undefined && !(keepExisting && into.intro !== undefined)) into.intro = part.intro;
    if (part.closing !== undefined && !(keepExisting && into.closing !== undefined)) into.closing = part.closing;
    for (const [key, text] of Object.entries(part.items ?? {})) {
      const current = into.items[key] ?? {};
      into.items[key] = keepExisting ? { ...text, ...current } : { ...current, ...text };
    }
  };

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  function queue(part: Partial<Edit>) {
    if (state() === 'conflict') return;
    merge(pending, part);
    hasPending = true;
    setState('pending');
    schedule(900);
  }

  async function saveOnce(): Promise<boolean> {
    const content = pending;
    pending = { items: {} };
    hasPending = false;
    setState('saving');
    try {
      const result = await api.minutes.update.mutate({ meetingId: meetingId(), version: version(), content });
      setVersion(result.version);
      setError(null);
      setState(hasPending ? 'pending' : 'saved');
      return true;
    } catch (e) {
      const key = errorKey(e);
      if (key === 'conflict.version' || key === 'minutes.notEditable') {
        setState('conflict');
        return false;
      }
      // Keep what was typed; newer edits made meanwhile win over the failed ones.
      merge(pending, content, true);
      hasPending = true;
      if (key) {
        setError(errorMessage(e, t('app.networkError')));
        setState('failed');
        return false;
      }
      setState('retry');
      schedule(3000);
      return false;
    }
  }

  /** Saves everything typed so far; resolves false if something could not be saved. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer);
    if (inFlight) await inFlight;
    if (!hasPending) return state() !== 'conflict';
    inFlight = saveOnce();
    try {
      return await inFlight;
    } finally {
      inFlight = null;
    }
  }

  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (hasPending || inFlight) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => {
    window.removeEventListener('beforeunload', beforeUnload);
    if (hasPending) void flush();
  });

  function reset() {
    clearTimeout(timer);
    pending = { items: {} };
    hasPending = false;
    setError(null);
    setState('saved');
  }

  return { queue, flush, reset, version, state, error };
}
