import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { api, errorKey, errorMessage } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDateTime, formatDay, t } from '../../i18n';
import { amsterdamParts, amsterdamToIso } from '../../lib/dates';
import { taskStatusLabel } from '../../lib/labels';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { Attendance } from './Attendance';
import { Regrets } from './Regrets';
import { Loaded } from '../../components/ResourceError';
import { withConfirmation } from '../../components/ConfirmDialog';
import {
  agendaStateLabel, bySection, meetingStatusLabel, minutesStatusLabel, minutesText, sectionLabel,
  sections, statusTone, type AgendaItem, type Meeting,
} from './shared';

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  const id = () => Number(params.id);
  const [meeting, { refetch }] = createResource(id, (meetingId) => api.meetings.get.query({ id: meetingId }));
  const [partners] = createResource(() => api.partners.list.query());
  const [flash, setFlash] = createSignal<string | null>(null);
  const done = (message?: string) => {
    setFlash(message ?? null);
    void refetch();
  };
  return (
    <Loaded resource={meeting} back={{ href: '/overleggen', label: t('resource.backToMeetings') }}>
      {(m) => (
        <article class="stack">
          <p class="utrecht-paragraph"><A class="utrecht-link" href="/overleggen">← {t('meeting.back')}</A></p>
          <div class="page-header">
            <div>
              <p class="utrecht-paragraph muted">{m().team}</p>
              <h1 class="utrecht-heading-1" tabindex="-1">{m().title}</h1>
              <p class="utrecht-paragraph"><strong>{formatDateTime(m().startsAt)}</strong> · {minutesText(m().durationMinutes)}</p>
            </div>
            <div>
              <Status tone={statusTone(m().status)}>{meetingStatusLabel(m().status)}</Status>
              <Show when={m().minutesStatus}>{(s) => <> <Status>{minutesStatusLabel(s())}</Status></>}</Show>
            </div>
          </div>
          <div aria-live="polite"><Show when={flash()}>{(msg) => <Alert kind="ok">{msg()}</Alert>}</Show></div>
          <Actions meeting={m()} onChange={done} />
          <section class="card">
            <h2 class="utrecht-heading-2">{t('meeting.details')}</h2>
            <dl class="facts">
              <Show when={m().location}><dt>{t('meetings.location')}</dt><dd>{m().location}</dd></Show>
              <Show when={m().videoLink}><dt>{t('meetings.videoLink')}</dt><dd><a class="utrecht-link" href={m().videoLink!} rel="noopener noreferrer" target="_blank">{m().videoLink}</a></dd></Show>
              <Show when={m().chair}><dt>{t('meeting.chair')}</dt><dd>{m().chair}</dd></Show>
            </dl>
            <p class="utrecht-paragraph"><a class="utrecht-link" href={`/calendar/meeting/${m().id}.ics`} download="">{t('meeting.ics')}</a></p>
            <Show when={hasRole('coordinator') && m().status !== 'gesloten'}><EditDetails meeting={m()} onChange={done} /></Show>
          </section>
          <Agenda meeting={m()} partners={partners() ?? []} onChange={done} />
          <Show when={hasRole('member') && (m().status === 'concept' || m().status === 'gepubliceerd')}><Regrets meeting={m()} onChange={done} /></Show>
          <Attendance meeting={m()} onChange={done} />
        </article>
      )}
    </Loaded>
  );
}

function Actions(props: { meeting: Meeting; onChange: (message?: string) => void }) {
  const navigate = useNavigate();
  const m = () => props.meeting;
  const publish = createAction(() => api.meetings.publish.mutate({ id: m().id }));
  // Well before the planned time the server asks whether this is really the overleg to start.
  const start = createAction(() => withConfirmation(
    (confirmEarly) => api.meetings.start.mutate({ id: m().id, confirmEarly }),
    (error) => (errorKey(error) === 'meetings.startEarly' ? { title: t('meeting.start'), body: errorMessage(error, ''), confirm: t('confirm.startEarlyOk') } : null),
  ));
  const close = createAction(() => api.meetings.close.mutate({ id: m().id }));
  const remove = createAction(() => api.meetings.remove.mutate({ id: m().id }));
  const cancel = createAction(() => api.meetings.cancel.mutate({ id: m().id }));
  const error = () => publish.error() ?? start.error() ?? close.error() ?? remove.error() ?? cancel.error();
  return (
    <div class="stack no-print">
      <Show when={error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div class="inline-form">
        <Show when={hasRole('coordinator')}>
          <Show when={m().status === 'concept'}>
            <Button variant="primary" busy={publish.busy()} onClick={async () => { if (await publish.run()) props.onChange(t('meeting.published')); }} aria-describedby="publish-help">{t('meeting.publish')}</Button>
            <Button variant="danger" busy={remove.busy()} onClick={async () => {
              if (!confirm(t('meeting.removeConfirm'))) return;
              if (await remove.run()) navigate('/overleggen');
            }}>{t('meeting.remove')}</Button>
          </Show>
          <Show when={m().status === 'gepubliceerd'}>
            <Button variant="primary" busy={start.busy()} onClick={async () => { if (await start.run()) navigate(`/overleggen/${m().id}/voorzitten`); }}>{t('meeting.start')}</Button>
            <Button variant="danger" busy={cancel.busy()} onClick={async () => {
              if (!confirm(t('meeting.cancelConfirm'))) return;
              if (await cancel.run()) navigate('/overleggen');
            }}>{t('meeting.cancel')}</Button>
          </Show>
          <Show when={m().status === 'bezig'}>
            <A class="utrecht-button utrecht-button--primary-action" href={`/overleggen/${m().id}/voorzitten`}>{t('meeting.chairMode')}</A>
            <Button busy={close.busy()} onClick={async () => {
              if (!confirm(t('meeting.closeConfirm'))) return;
              if (await close.run()) props.onChange(t('meeting.closed'));
            }}>{t('meeting.close')}</Button>
          </Show>
        </Show>
        <Show when={m().minutesStatus}>
          <A class="utrecht-button utrecht-button--secondary-action" href={`/overleggen/${m().id}/verslag`}>{t('meeting.minutes')}</A>
        </Show>
        <Show when={m().status === 'bezig' || (m().status === 'gepubliceerd' && !hasRole('coordinator'))}>
          <A class="utrecht-button utrecht-button--secondary-action" href={`/overleggen/${m().id}/live`}>{t('meeting.liveView')}</A>
        </Show>
      </div>
      <Show when={m().status === 'concept' && hasRole('coordinator')}><p class="utrecht-paragraph muted" id="publish-help">{t('meeting.publishHelp')}</p></Show>
    </div>
  );
}

function EditDetails(props: { meeting: Meeting; onChange: (message?: string) => void }) {
  const parts = amsterdamParts(props.meeting.startsAt);
  const [date, setDate] = createSignal(parts.date);
  const [time, setTime] = createSignal(parts.time);
  const [title, setTitle] = createSignal(props.meeting.title);
  const [location, setLocation] = createSignal(props.meeting.location ?? '');
  const [videoLink, setVideoLink] = createSignal(props.meeting.videoLink ?? '');
  const [duration, setDuration] = createSignal(String(props.meeting.durationMinutes));
  const action = createAction(() => api.meetings.update.mutate({
    id: props.meeting.id, version: props.meeting.version, startsAt: amsterdamToIso(date(), time()), title: title(),
    location: location() || null, videoLink: videoLink() || null, durationMinutes: Number(duration()) || 120,
  }));
  return (
    <details class="no-print">
      <summary>{t('meeting.edit')}</summary>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={async (e) => { e.preventDefault(); if (await action.run()) props.onChange(t('app.saved')); }}>
        <div class="row">
          <TextField label={t('meetings.date')} type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} error={action.field('startsAt')} />
          <TextField label={t('meetings.time')} type="time" required value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
          <TextField label={t('meetings.duration')} type="number" min="5" max="600" value={duration()} onInput={(e) => setDuration(e.currentTarget.value)} />
        </div>
        <div class="row">
          <TextField label={t('meetings.titleField')} required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={action.field('title')} />
          <TextField label={t('meetings.location')} optional value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
          <TextField label={t('meetings.videoLink')} optional type="url" value={videoLink()} onInput={(e) => setVideoLink(e.currentTarget.value)} error={action.field('videoLink')} />
        </div>
        <Button type="submit" variant="primary" busy={action.busy()}>{t('app.save')}</Button>
      </form>
    </details>
  );
}

// ── Agenda ──────────────────────────────────────────────────────────────────────────────────

function Agenda(props: { meeting: Meeting; partners: Partner[]; onChange: (message?: string) => void }) {
  const coordinator = () => hasRole('coordinator');
  const editable = () => coordinator() && props.meeting.status !== 'gesloten';
  const [announce, setAnnounce] = createSignal('');
  const [dragId, setDragId] = createSignal<number | null>(null);
  const [dropId, setDropId] = createSignal<number | null>(null);
  const prefill = createAction(() => api.agenda.prefill.mutate({ meetingId: props.meeting.id }));
  const move = createAction((input: { id: number; direction?: 'up' | 'down'; toPosition?: number }) => api.agenda.reorder.mutate(input));
  const total = createMemo(() => props.meeting.agenda.filter((i) => i.state === 'geaccepteerd').reduce((n, i) => n + i.durationMinutes, 0));

  const doMove = async (item: AgendaItem, input: { direction?: 'up' | 'down'; toPosition?: number }) => {
    const res = await move.run({ id: item.id, ...input });
    if (!res) return;
    setAnnounce(t('agenda.moved', { title: item.title, n: res.position }));
    props.onChange();
    // Keep keyboard focus on the moved item's handle once the list has re-rendered.
    queueMicrotask(() => setTimeout(() => document.querySelector<HTMLButtonElement>(`[data-handle="${item.id}"]`)?.focus(), 150));
  };

  return (
    <section class="card stack" aria-labelledby="agenda-title">
      <div class="page-header">
        <h2 class="utrecht-heading-2" id="agenda-title">{t('agenda.title')}</h2>
        <Show when={editable()}>
          <Button busy={prefill.busy()} aria-describedby="prefill-help" onClick={async () => {
            const res = await prefill.run();
            if (res) props.onChange(t('agenda.prefilled', { n: res.added }));
          }}>{t('agenda.prefill')}</Button>
        </Show>
      </div>
      <Show when={editable()}><p class="utrecht-paragraph muted" id="prefill-help">{t('agenda.prefillHelp')}</p></Show>
      <Show when={prefill.error() ?? move.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <p class="visually-hidden" aria-live="polite">{announce()}</p>
      <Show when={editable()}><p class="utrecht-paragraph muted">{t('agenda.moveHelp')}</p></Show>
      <Show when={props.meeting.agenda.length > 0} fallback={<p class="utrecht-paragraph">{t('agenda.empty')}</p>}>
        <For each={bySection(props.meeting.agenda)}>
          {(group) => (
            <>
              <h3 class="utrecht-heading-3 agenda-section">{sectionLabel(group.section)}</h3>
              <ol class="agenda-list" aria-label={sectionLabel(group.section)}>
                <For each={group.items}>
                  {(item, index) => (
                    <li
                      class="agenda-item"
                      classList={{
                        'is-proposal': item.state === 'voorgesteld', 'is-declined': item.state === 'afgewezen',
                        'is-current': item.id === props.meeting.currentAgendaItemId, 'is-drop-target': dropId() === item.id,
                      }}
                      data-testid="agenda-item"
                      onDragOver={(e) => {
                        const dragged = props.meeting.agenda.find((i) => i.id === dragId());
                        if (dragged && dragged.section === item.section) { e.preventDefault(); setDropId(item.id); }
                      }}
                      onDragLeave={() => setDropId(null)}
                      onDrop={(e) => {
                        e.preventDefault();
                        const dragged = props.meeting.agenda.find((i) => i.id === dragId());
                        setDropId(null);
                        setDragId(null);
                        if (dragged && dragged.id !== item.id) void doMove(dragged, { toPosition: index() + 1 });
                      }}
                    >
                      <div>
                        <Show when={editable()} fallback={<span aria-hidden="true">{index() + 1}.</span>}>
                          <button type="button" class="drag-handle" draggable={true} data-handle={item.id}
                            aria-label={`${index() + 1} ${t('agenda.dragHandle', { title: item.title })}`} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                            onDragStart={(e) => { setDragId(item.id); e.dataTransfer?.setData('text/plain', String(item.id)); }}
                            onDragEnd={() => { setDragId(null); setDropId(null); }}
                            onKeyDown={(e) => {
                              if (!e.altKey) return;
                              if (e.key === 'ArrowUp') { e.preventDefault(); void doMove(item, { direction: 'up' }); }
                              if (e.key === 'ArrowDown') { e.preventDefault(); void doMove(item, { direction: 'down' }); }
                            }}>
                            <span aria-hidden="true">⠿</span> {index() + 1}
                          </button>
                        </Show>
                      </div>
                      <div>
                        <p class="agenda-item__title">{item.title}</p>
                        <p class="agenda-item__meta">
                          {minutesText(item.durationMinutes)}
                          <Show when={item.presenter}> · {item.presenter}</Show>
                          <Show when={item.caseId}> · <A class="utrecht-link" href={`/casussen/${item.caseId}`}>{item.caseCode}</A> {item.caseAddress}</Show>
                          <Show when={item.source === 'avo'}> · <Status tone="danger">{t('agenda.source.avo')}</Status></Show>
                          <Show when={item.source === 'carryover'}> · <Status tone="warning">{t('agenda.source.carryover')}</Status></Show>
                          <Show when={item.taskId && item.taskDueDate}> · {t('agenda.actionLine', { partner: item.taskPartner ?? '', date: formatDay(item.taskDueDate!) })}
                            <Show when={item.taskStatus && item.taskStatus !== 'open'}> <Status tone="ok">{taskStatusLabel(item.taskStatus!)}</Status></Show>
                            <Show when={item.taskStatus === 'open' && item.taskBlocked}> <Status tone="warning">{t('blocker.state')}</Status></Show>
                          </Show>
                          <Show when={item.state !== 'geaccepteerd'}> · <Status tone={item.state === 'afgewezen' ? 'danger' : 'warning'}>{agendaStateLabel(item.state)}</Status></Show>
                          <Show when={item.proposedBy && item.source === 'proposal'}> · {t('agenda.proposedBy', { name: item.proposedBy! })}</Show>
                        </p>
                        <Show when={item.decisions}><p class="utrecht-paragraph"><strong>{t('chair.decisions')}:</strong> {item.decisions}</p></Show>
                      </div>
                      <Show when={editable()}>
                        <ItemActions item={item} meeting={props.meeting} partners={props.partners} onMove={(d) => doMove(item, { direction: d })} onChange={props.onChange} />
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </For>
        <p class="utrecht-paragraph muted">{t('agenda.total', { n: total() })}</p>
      </Show>
      <Show when={editable()}><ItemForm mode="add" meeting={props.meeting} partners={props.partners} onChange={props.onChange} /></Show>
      <Show when={!coordinator() && (props.meeting.status === 'gepubliceerd' || props.meeting.status === 'concept')}>
        <ItemForm mode="propose" meeting={props.meeting} partners={props.partners} onChange={props.onChange} />
      </Show>
    </section>
  );
}

function ItemActions(props: { item: AgendaItem; meeting: Meeting; partners: Partner[]; onMove: (d: 'up' | 'down') => void; onChange: (message?: string) => void }) {
  const [editing, setEditing] = createSignal(false);
  const accept = createAction(() => api.agenda.accept.mutate({ id: props.item.id }));
  const decline = createAction(() => api.agenda.decline.mutate({ id: props.item.id }));
  const remove = createAction(() => api.agenda.remove.mutate({ id: props.item.id }));
  const error = () => accept.error() ?? decline.error() ?? remove.error();
  return (
    <div class="agenda-item__actions">
      <Show when={props.item.state !== 'geaccepteerd'}>
        <Button class="utrecht-button--small" variant="primary" busy={accept.busy()} onClick={async () => { if (await accept.run()) props.onChange(); }}>{t('agenda.accept')}</Button>
      </Show>
      <Show when={props.item.state === 'voorgesteld'}>
        <Button class="utrecht-button--small" busy={decline.busy()} onClick={async () => { if (await decline.run()) props.onChange(); }}>{t('agenda.decline')}</Button>
      </Show>
      <Button class="utrecht-button--small" variant="subtle" onClick={() => props.onMove('up')} aria-label={`${t('agenda.moveUp')}: ${props.item.title}`}>↑</Button>
      <Button class="utrecht-button--small" variant="subtle" onClick={() => props.onMove('down')} aria-label={`${t('agenda.moveDown')}: ${props.item.title}`}>↓</Button>
      <Button class="utrecht-button--small" variant="subtle" aria-expanded={editing()} onClick={() => setEditing(!editing())}>{t('agenda.edit')}</Button>
      <Button class="utrecht-button--small" variant="subtle" busy={remove.busy()} onClick={async () => {
        if (!confirm(t('agenda.removeConfirm'))) return;
        if (await remove.run()) props.onChange();
      }}>{t('agenda.remove')}</Button>
      <Show when={error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show when={editing()}>
        <div style={{ 'grid-column': '1 / -1', width: '100%' }}>
          <ItemForm mode="edit" item={props.item} meeting={props.meeting} partners={props.partners} onChange={(msg) => { setEditing(false); props.onChange(msg); }} />
        </div>
      </Show>
    </div>
  );
}

/** Add (coordinator), edit (coordinator) or propose (member) an agenda item. */
function ItemForm(props: { mode: 'add' | 'edit' | 'propose'; item?: AgendaItem; meeting: Meeting; partners: Partner[]; onChange: (message?: string) => void }) {
  const [section, setSection] = createSignal<string>(props.item?.section ?? (props.mode === 'propose' ? 'rondvraag' : 'lopende_casussen'));
  const [title, setTitle] = createSignal(props.item?.title ?? '');
  const [duration, setDuration] = createSignal(String(props.item?.durationMinutes ?? 5));
  const [presenter, setPresenter] = createSignal(props.item?.presenterPartnerId ? String(props.item.presenterPartnerId) : '');
  const [caseCode, setCaseCode] = createSignal(props.item?.caseCode ?? '');
  const [caseError, setCaseError] = createSignal<string | undefined>();

  async function resolveCase(): Promise<number | null | undefined> {
    const code = caseCode().trim();
    if (!code) return null;
    if (props.item?.caseCode && code === props.item.caseCode) return props.item.caseId;
    const found = await api.cases.list.query({ search: code, limit: 5 });
    const match = found.items.find((c) => c.code.toLowerCase() === code.toLowerCase());
    if (!match) { setCaseError(t('agenda.caseNotFound')); return undefined; }
    return match.id;
  }

  const action = createAction(async () => {
    setCaseError(undefined);
    const caseId = await resolveCase();
    if (caseId === undefined) return undefined;
    const base = { title: title(), durationMinutes: Number(duration()) || 5 };
    if (props.mode === 'propose') {
      return api.agenda.propose.mutate({ meetingId: props.meeting.id, section: section() as (typeof sections)[number], caseId, ...base });
    }
    const presenterPartnerId = presenter() ? Number(presenter()) : null;
    if (props.mode === 'edit' && props.item) {
      return api.agenda.update.mutate({ id: props.item.id, version: props.item.version, section: section() as (typeof sections)[number], caseId, presenterPartnerId, ...base });
    }
    return api.agenda.add.mutate({ meetingId: props.meeting.id, section: section() as (typeof sections)[number], caseId, presenterPartnerId, ...base });
  });
  const heading = () => (props.mode === 'propose' ? t('agenda.propose') : props.mode === 'add' ? t('agenda.add') : null);
  return (
    <form class="stack" onSubmit={async (e) => {
      e.preventDefault();
      const res = await action.run();
      if (res) {
        if (props.mode !== 'edit') { setTitle(''); setCaseCode(''); }
        props.onChange(props.mode === 'propose' ? t('agenda.proposed') : t('app.saved'));
      }
    }}>
      <Show when={heading()}>{(h) => <h3 class="utrecht-heading-3">{h()}</h3>}</Show>
      <Show when={props.mode === 'propose'}><p class="utrecht-paragraph muted">{t('agenda.proposeHelp')}</p></Show>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div class="row">
        <TextField label={t('agenda.itemTitle')} required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={action.field('title')} />
        <SelectField label={t('agenda.section')} value={section()} onChange={(e) => setSection(e.currentTarget.value)} options={sections.map((s) => ({ value: s, label: sectionLabel(s) }))} />
      </div>
      <div class="row">
        <TextField label={t('agenda.duration')} type="number" min="1" max="240" value={duration()} onInput={(e) => setDuration(e.currentTarget.value)} error={action.field('durationMinutes')} />
        <Show when={props.mode !== 'propose'}>
          <SelectField label={t('agenda.presenter')} optional value={presenter()} placeholder={t('app.none')} onChange={(e) => setPresenter(e.currentTarget.value)}
            options={props.partners.map((p) => ({ value: p.id, label: p.name }))} />
        </Show>
        <TextField label={t('agenda.caseSearch')} optional value={caseCode()} onInput={(e) => setCaseCode(e.currentTarget.value)} error={caseError() ?? action.field('caseId')} />
      </div>
      <Button type="submit" variant={props.mode === 'edit' ? 'primary' : 'secondary'} busy={action.busy()}>
        {props.mode === 'propose' ? t('agenda.propose') : props.mode === 'add' ? t('agenda.add') : t('app.save')}
      </Button>
    </form>
  );
}
