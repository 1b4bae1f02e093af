import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { address, agreementStatusLabel, caseStatusLabel, categoryLabel, originLabel, taskStatusLabel } from '../../lib/labels';
import { formatDateTime, formatDate, formatDay, hasText, t, today } from '../../i18n';
import { Alert, Button, SelectField, Status, TextAreaField, TextField } from '../../components/Form';
import { TaskActions } from '../../components/TaskActions';
import { SubjectTable } from '../../components/SubjectTable';
import { formatItemValue } from '../../lib/dates';
import { CaseEnforcement } from './CaseEnforcement';
import { Loaded } from '../../components/ResourceError';
import { ActionForm } from '../../components/ActionForm';
import { pastDateQuestion, withConfirmation } from '../../components/ConfirmDialog';

type Casus = Awaited<ReturnType<typeof api.cases.get.query>>;
type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

const categories = ['naw', 'geboortedatum', 'bsn', 'geslacht', 'telefoon', 'kenteken', 'naleving'] as const;

export default function CaseDetail() {
  const params = useParams<{ id: string }>();
  const [casus, { refetch }] = createResource(() => Number(params.id), (id) => api.cases.get.query({ id }));
  const [partners] = createResource(() => api.partners.list.query());
  const [team] = createResource(() => api.team.get.query());
  const partnerName = createMemo(() => new Map((partners() ?? []).map((p) => [p.id, p.name])));
  const [flash, setFlash] = createSignal<string | null>(null);
  const done = (message?: string) => {
    setFlash(message ?? null);
    void refetch();
  };

  return (
    <Loaded resource={casus} back={{ href: '/casussen', label: t('resource.backToCases') }}>
      {(c) => (
        <article class="stack">
          <div class="page-header">
            <div>
              <p class="utrecht-paragraph muted">{c().code} · {c().gemeente}</p>
              <h1 class="utrecht-heading-1" tabindex="-1">{address(c())}</h1>
            </div>
            <div>
              <Status tone={c().status === 'afgerond' ? 'ok' : c().status === 'signaal' ? 'warning' : 'neutral'}>{caseStatusLabel(c().status)}</Status>
              <Show when={c().priority === 'hoog'}> <Status tone="danger">{t('case.priority.hoog')}</Status></Show>
            </div>
          </div>
          <div aria-live="polite"><Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show></div>
          <Show when={hasRole('coordinator')}><StatusActions casus={c()} onChange={done} /></Show>

          <section class="card">
            <h2 class="utrecht-heading-2">{t('cases.details')}</h2>
            <dl class="facts">
              <dt>{t('cases.filterGemeente')}</dt><dd>{c().gemeente}</dd>
              <dt>{t('cases.postcode')}</dt><dd>{c().postcode}</dd>
              <Show when={c().bagId}><dt>{t('cases.bagId')}</dt><dd>{c().bagId}</dd></Show>
              <dt>{t('cases.theme')}</dt><dd>{c().theme}</dd>
              <dt>{t('cases.origin')}</dt><dd>{originLabel(c().origin)}</dd>
              <dt>{t('cases.createdAt')}</dt><dd>{formatDate(c().createdAt)}</dd>
              <Show when={c().description}><dt>{t('cases.description')}</dt><dd>{c().description}</dd></Show>
            </dl>
          </section>

          <Subjects casus={c()} partners={partners() ?? []} partnerName={partnerName()} covenantActive={team()?.covenant.active ?? true} onChange={done} />
          <Agreements casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <Tasks casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <CaseEnforcement caseId={c().id} />

          <section>
            <h2 class="utrecht-heading-2">{t('history.title')}</h2>
            <ol class="utrecht-ordered-list">
              <For each={c().history}>
                {(e) => (
                  <li>{formatDateTime(e.at)} — {historyLabel(e.kind, e.detail)}{e.actor ? ` (${e.actor})` : ''}</li>
                )}
              </For>
            </ol>
          </section>
        </article>
      )}
    </Loaded>
  );
}

function historyLabel(kind: string, detail: Record<string, unknown> | null): string {
  const key = `history.${kind}`;
  let label = hasText(key) ? t(key) : t('history.other');
  if (kind === 'status' && detail && typeof detail.to === 'string') label += `: ${caseStatusLabel(detail.to)}`;
  return label;
}

function StatusActions(props: { casus: Casus; onChange: (m?: string) => void }) {
  const change = createAction(async (status: Casus['status']) => {
    await api.cases.setStatus.mutate({ id: props.casus.id, status, version: props.casus.version });
    props.onChange(t('cases.statusChanged', { status: caseStatusLabel(status) }));
  });
  return (
    <div class="inline-form">
      <Show when={change.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.casus.status === 'signaal'}><Button variant="primary" busy={change.busy()} onClick={() => void change.run('actief')}>{t('cases.activate')}</Button></Show>
      <Show when={props.casus.status !== 'afgerond'}><Button busy={change.busy()} onClick={() => void change.run('afgerond')}>{t('cases.close')}</Button></Show>
      <Show when={props.casus.status === 'afgerond'}><Button busy={change.busy()} onClick={() => void change.run('actief')}>{t('cases.reopen')}</Button></Show>
    </div>
  );
}

function Subjects(props: { casus: Casus; partners: Partner[]; partnerName: Map<number, string>; covenantActive: boolean; onChange: (m?: string) => void }) {
  const [revealed, setRevealed] = createStore<Record<number, string>>({});
  const reveal = createAction(async (itemId: number) => {
    const { value } = await api.subjects.revealBsn.mutate({ itemId });
    setRevealed(itemId, value);
  });
  const policeIds = createMemo(() => new Set(props.partners.filter((p) => p.kind === 'politie').map((p) => p.id)));
  return (
    <section class="stack" aria-labelledby="subjects-heading">
      <h2 class="utrecht-heading-2" id="subjects-heading">{t('subjects.title')}</h2>
      <p class="utrecht-paragraph muted">{t('subjects.privacyNote')}</p>
      <Show when={reveal.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <For each={props.casus.subjects} fallback={<p class="utrecht-paragraph">{t('subjects.none')}</p>}>
        {(s, i) => (
          <div class="stack" data-testid="subject">
            <SubjectTable kind={s.kind} n={i() + 1} rows={s.items.map((item) => ({
              category: item.category,
              source: props.partnerName.get(item.sourcePartnerId) ?? '',
              police: policeIds().has(item.sourcePartnerId),
              value: () => (
                <>
                  {revealed[item.id] ?? formatItemValue(item.category, item.value)}
                  <Show when={item.masked && !revealed[item.id]}>
                    {' '}<Button variant="subtle" aria-label={t('subjects.revealLabel')} onClick={() => void reveal.run(item.id)}>{t('subjects.reveal')}</Button>
                  </Show>
                </>
              ),
            }))} />
            <Informed subject={s} onChange={props.onChange} />
          </div>
        )}
      </For>
      <Show when={hasRole('coordinator', 'member')}>
        <Show when={props.covenantActive} fallback={<p class="utrecht-paragraph notice">{t('subjects.covenantEnded')}</p>}>
          <AddSubject casus={props.casus} partners={props.partners} onChange={props.onChange} />
        </Show>
      </Show>
    </section>
  );
}

/** P11 (art. 26.4): per betrokkene the date they were informed, or why informing is postponed. */
function Informed(props: { subject: Casus['subjects'][number]; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [on, setOn] = createSignal(props.subject.informedOn ?? '');
  const [reason, setReason] = createSignal(props.subject.informPostponedReason ?? '');
  const save = createAction(async () => {
    await api.subjects.setInformed.mutate({ subjectId: props.subject.id, informedOn: on() || null, postponedReason: reason().trim() || null });
    setOpen(false);
    props.onChange(t('subjects.informSaved'));
  });
  return (
    <div class="stack">
      <p class="utrecht-paragraph">
        {props.subject.informedOn
          ? t('subjects.informedOn', { date: formatDay(props.subject.informedOn, 'long') })
          : props.subject.informPostponedReason
            ? t('subjects.informPostponed', { reason: props.subject.informPostponedReason })
            : t('subjects.notInformed')}
        <Show when={hasRole('coordinator', 'member') && !open()}>
          {' '}<Button variant="subtle" onClick={() => setOpen(true)}>{t('subjects.informEdit')}</Button>
        </Show>
      </p>
      <Show when={open()}>
        <form class="card stack" onSubmit={(e) => { e.preventDefault(); void save.run(); }}>
          <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <p class="utrecht-paragraph">{t('subjects.informHint')}</p>
          <div class="row">
            <TextField label={t('subjects.informDate')} type="date" optional value={on()} onInput={(e) => setOn(e.currentTarget.value)} error={save.field('informedOn')} />
            <TextField label={t('subjects.informReason')} optional value={reason()} onInput={(e) => setReason(e.currentTarget.value)} error={save.field('postponedReason')} />
          </div>
          <div class="inline-form">
            <Button type="submit" variant="primary" busy={save.busy()}>{t('app.save')}</Button>
            <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
    </div>
  );
}

function AddSubject(props: { casus: Casus; partners: Partner[]; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<'person' | 'company'>('person');
  const [source, setSource] = createSignal('');
  const [items, setItems] = createStore([{ category: 'naw' as (typeof categories)[number], value: '', legalGround: '' }]);
  const [warning, setWarning] = createSignal<string | null>(null);
  const add = createAction(async () => {
    const result = await api.subjects.add.mutate({
      caseId: props.casus.id, kind: kind(), sourcePartnerId: hasRole('coordinator') ? Number(source()) || null : null,
      items: items.map((i) => ({ category: i.category, value: i.value, legalGround: i.legalGround || null })),
    });
    // Warnings don't block (e.g. a foreign licence plate); they are shown once the betrokkene is saved.
    setWarning(result.warnings.length ? result.warnings.map((w) => t('subjects.warning.foreignKenteken', { index: w.index + 1 })).join(' ') : null);
    setItems([{ category: 'naw', value: '', legalGround: '' }]);
    setOpen(false);
    props.onChange(t('subjects.added'));
  });
  return (
    <div>
      <Show when={warning()}>{(w) => <Alert kind="warning">{t('subjects.warnings', { text: w() })}</Alert>}</Show>
      <Show when={open()} fallback={<Button onClick={() => setOpen(true)}>{t('subjects.add')}</Button>}>
        <ActionForm action={add} onSubmit={() => void add.run()} class="card stack" aria-labelledby="add-subject-heading">
          <h3 class="utrecht-heading-3" id="add-subject-heading">{t('subjects.add')}</h3>
          <SelectField label={t('subjects.kind')} name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as 'person')}
            options={[{ value: 'person', label: t('subjects.person') }, { value: 'company', label: t('subjects.company') }]} />
          <Show when={hasRole('coordinator')}>
            <SelectField label={t('subjects.sourcePartner')} name="sourcePartnerId" description={t('subjects.sourceHint')} value={source()} placeholder={t('team.choosePartner')}
              onChange={(e) => setSource(e.currentTarget.value)} options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
          </Show>
          <Index each={items}>
            {(item, index) => (
              <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{t('subjects.item', { n: index + 1 })}</legend>
                <div class="row">
                  <SelectField label={t('subjects.category')} name={`items.${index}.category`} value={item().category} onChange={(e) => setItems(index, 'category', e.currentTarget.value as 'naw')}
                    options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))} />
                  <TextField label={t('subjects.value')} name={`items.${index}.value`} value={item().value} onInput={(e) => setItems(index, 'value', e.currentTarget.value)} autocomplete="off" />
                  <Show when={item().category === 'bsn'}>
                    <TextField label={t('subjects.legalGround')} name={`items.${index}.legalGround`} value={item().legalGround} onInput={(e) => setItems(index, 'legalGround', e.currentTarget.value)} autocomplete="off" />
                  </Show>
                  <Show when={items.length > 1}>
                    <Button variant="subtle" onClick={() => { add.reset(); setItems(produce((list) => list.splice(index, 1))); }}>{t('subjects.removeItem', { n: index + 1 })}</Button>
                  </Show>
                </div>
              </fieldset>
            )}
          </Index>
          <div class="inline-form">
            <Button onClick={() => setItems(items.length, { category: 'naw', value: '', legalGround: '' })}>{t('subjects.addItem')}</Button>
            <Button type="submit" variant="primary" busy={add.busy()}>{t('subjects.add')}</Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </ActionForm>
      </Show>
    </div>
  );
}

function Agreements(props: { casus: Casus; partners: Partner[]; partnerName: Map<number, string>; onChange: (m?: string) => void }) {
  const [text, setText] = createSignal('');
  const [responsible, setResponsible] = createSignal('');
  const add = createAction(async () => {
    await api.agreements.create.mutate({ caseId: props.casus.id, text: text(), responsiblePartnerId: Number(responsible()) || 0 });
    setText('');
    props.onChange();
  });
  const setStatus = createAction(async (id: number, status: 'uitgevoerd' | 'vervallen', version: number) => {
    await api.agreements.setStatus.mutate({ id, status, version });
    props.onChange();
  });
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('agreements.title')}</h2>
      <Show when={setStatus.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.casus.agreements.length > 0} fallback={<p class="utrecht-paragraph">{t('agreements.none')}</p>}>
        <div class="table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption visually-hidden">{t('agreements.title')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('agreements.text')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('agreements.responsible')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('agreements.status')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={props.casus.agreements}>
                {(a) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{a.text}</td>
                    <td class="utrecht-table__cell">{props.partnerName.get(a.responsiblePartnerId)}</td>
                    <td class="utrecht-table__cell">
                      {agreementStatusLabel(a.status)}
                      <Show when={hasRole('coordinator') && a.status === 'open'}>
                        {' '}<Button variant="subtle" onClick={() => void setStatus.run(a.id, 'uitgevoerd', a.version)}>{t('agreements.markDone')}</Button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={hasRole('coordinator')}>
        <form class="card stack" onSubmit={(e) => { e.preventDefault(); void add.run(); }}>
          <h3 class="utrecht-heading-3">{t('agreements.add')}</h3>
          <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField label={t('agreements.text')} rows={2} maxLength={2000} value={text()} onInput={(e) => setText(e.currentTarget.value)} error={add.field('text')} />
          <SelectField label={t('agreements.responsible')} value={responsible()} placeholder={t('team.choosePartner')} onChange={(e) => setResponsible(e.currentTarget.value)}
            options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} error={add.field('responsiblePartnerId')} />
          <Button type="submit" busy={add.busy()}>{t('agreements.add')}</Button>
        </form>
      </Show>
    </section>
  );
}

function Tasks(props: { casus: Casus; partners: Partner[]; partnerName: Map<number, string>; onChange: (m?: string) => void }) {
  const [title, setTitle] = createSignal('');
  const [partner, setPartner] = createSignal('');
  const [due, setDue] = createSignal(today(14));
  const [agreement, setAgreement] = createSignal('');
  const add = createAction(async () => {
    await withConfirmation((confirmPast) => api.tasks.create.mutate({
      title: title(), assigneePartnerId: Number(partner()) || 0, dueDate: due(), caseId: props.casus.id, agreementId: agreement() ? Number(agreement()) : null, confirmPast,
    }), pastDateQuestion);
    setTitle('');
    props.onChange();
  });
  const mayAct = (partnerId: number) => hasRole('coordinator') || me()?.partnerId === partnerId;
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('tasks.title')}</h2>
      <Show when={props.casus.tasks.length > 0} fallback={<p class="utrecht-paragraph">{t('tasks.none')}</p>}>
        <ul class="task-list">
          <For each={props.casus.tasks}>
            {(task) => (
              <li classList={{ 'is-overdue': task.overdue }} data-testid="case-task">
                <h3>{task.title}</h3>
                <p class="utrecht-paragraph">
                  {props.partnerName.get(task.assigneePartnerId)} · {t('tasks.due')}: <span classList={{ overdue: task.overdue }}>{formatDay(task.dueDate)}</span>
                  {' '}<Status tone={task.overdue ? 'danger' : task.status === 'gereed' ? 'ok' : 'neutral'}>{task.overdue ? t('tasks.overdue') : taskStatusLabel(task.status)}</Status>
                </p>
                <Show when={task.resultNote}><p class="utrecht-paragraph">{t('tasks.result')}: {task.resultNote}</p></Show>
                <Show when={task.blockerNote && task.status === 'open'}><p class="utrecht-paragraph notice">{t('tasks.blockerShown', { note: task.blockerNote! })}</p></Show>
                <Show when={mayAct(task.assigneePartnerId) && task.status !== 'vervallen'}>
                  <TaskActions task={task} onChange={props.onChange} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={hasRole('coordinator')}>
        <form class="card stack" onSubmit={(e) => { e.preventDefault(); void add.run(); }}>
          <h3 class="utrecht-heading-3">{t('tasks.add')}</h3>
          <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextField label={t('tasks.task')} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={add.field('title')} />
          <div class="row">
            <SelectField label={t('tasks.partner')} value={partner()} placeholder={t('team.choosePartner')} onChange={(e) => setPartner(e.currentTarget.value)}
              options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} error={add.field('assigneePartnerId')} />
            <TextField label={t('tasks.due')} type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} error={add.field('dueDate')} />
          </div>
          <SelectField label={t('tasks.agreement')} value={agreement()} placeholder={t('tasks.noAgreement')} optional onChange={(e) => setAgreement(e.currentTarget.value)}
            options={props.casus.agreements.filter((a) => a.status === 'open').map((a) => ({ value: a.id, label: a.text.slice(0, 80) }))} />
          <Button type="submit" busy={add.busy()}>{t('tasks.add')}</Button>
        </form>
      </Show>
    </section>
  );
}
