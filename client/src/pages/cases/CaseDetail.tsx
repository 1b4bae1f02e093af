import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { address, caseStatusLabel, originLabel } from '../../lib/labels';
import { formatDateTime, formatDate, formatDay, hasText, t, today } from '../../i18n';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { TaskActions } from '../../components/TaskActions';
import { SubjectTable } from '../../components/SubjectTable';
import { formatItemValue } from '../../lib/dates';
import { CaseEnforcement } from './CaseEnforcement';
import { CaseAgreements } from './CaseAgreements';
import { CaseWithdraw } from './CaseWithdraw';
import { createItemsForm, ItemRows, ItemWarnings } from './SubjectItemsForm';
import { TaskNotes, TaskState } from '../../components/TaskState';
import { ChangeLog } from '../../components/ChangeLog';
import { TaskEditor } from '../../components/TaskEditor';
import { Loaded } from '../../components/ResourceError';
import { ActionForm } from '../../components/ActionForm';
import { pastDateQuestion, withConfirmation } from '../../components/ConfirmDialog';
import { ItemChange, mayChangeItem } from './ItemChange';
import { CorrectionNotices } from '../../components/CorrectionNotices';
import { AccessRequest } from './AccessRequest';

type Casus = Awaited<ReturnType<typeof api.cases.get.query>>;
type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export default function CaseDetail() {
  const params = useParams<{ id: string }>();
  const [casus, { refetch }] = createResource(
    () => Number(params.id),
    (id) => api.cases.get.query({ id }),
  );
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
              <p class="utrecht-paragraph muted">
                {c().code} · {c().gemeente}
              </p>
              <h1 class="utrecht-heading-1" tabindex="-1">
                {address(c())}
              </h1>
            </div>
            <div>
              <Status tone={c().status === 'afgerond' ? 'ok' : c().status === 'signaal' ? 'warning' : 'neutral'}>
                {caseStatusLabel(c().status)}
              </Status>
              <Show when={c().priority === 'hoog'}>
                {' '}
                <Status tone="danger">{t('case.priority.hoog')}</Status>
              </Show>
            </div>
          </div>
          <div aria-live="polite">
            <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
          </div>
          <Show when={c().withdrawnAt}>
            <p class="utrecht-paragraph notice" role="note">
              {t('withdraw.notice', { date: formatDate(c().withdrawnAt), reason: c().withdrawReason ?? '' })}
            </p>
          </Show>
          <Show when={hasRole('coordinator') && c().status !== 'ingetrokken'}>
            <StatusActions casus={c()} onChange={done} />
          </Show>

          <section class="card">
            <h2 class="utrecht-heading-2">{t('cases.details')}</h2>
            <dl class="facts">
              <dt>{t('cases.filterGemeente')}</dt>
              <dd>{c().gemeente}</dd>
              <dt>{t('cases.postcode')}</dt>
              <dd>{c().postcode}</dd>
              <Show when={c().bagId}>
                <dt>{t('cases.bagId')}</dt>
                <dd>{c().bagId}</dd>
              </Show>
              <dt>{t('cases.theme')}</dt>
              <dd>{c().theme}</dd>
              <dt>{t('cases.origin')}</dt>
              <dd>{originLabel(c().origin)}</dd>
              <dt>{t('cases.createdAt')}</dt>
              <dd>{formatDate(c().createdAt)}</dd>
              <Show when={c().description}>
                <dt>{t('cases.description')}</dt>
                <dd>{c().description}</dd>
              </Show>
            </dl>
          </section>

          <Show when={hasRole('coordinator', 'member')}>
            <CorrectionNotices caseId={c().id} />
          </Show>
          <Show when={!c().involved}>
            <AccessRequest caseId={c().id} onChange={done} />
          </Show>
          <Subjects
            casus={c()}
            partners={partners() ?? []}
            partnerName={partnerName()}
            covenantActive={team()?.covenant.active ?? true}
            onChange={done}
          />
          <CaseAgreements casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <Tasks casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <CaseEnforcement caseId={c().id} />

          <section>
            <h2 class="utrecht-heading-2">{t('history.title')}</h2>
            <ol class="utrecht-ordered-list">
              <For each={c().history}>
                {(e) => (
                  <li>
                    {formatDateTime(e.at)} — {historyLabel(e.kind, e.detail)}
                    {e.actor ? ` (${e.actor})` : ''}
                  </li>
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
  const change = createAction(async (status: 'signaal' | 'actief' | 'afgerond') => {
    await api.cases.setStatus.mutate({ id: props.casus.id, status, version: props.casus.version });
    props.onChange(t('cases.statusChanged', { status: caseStatusLabel(status) }));
  });
  return (
    <div class="inline-form">
      <Show when={change.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.casus.status === 'signaal'}>
        <Button variant="primary" busy={change.busy()} onClick={() => void change.run('actief')}>
          {t('cases.activate')}
        </Button>
      </Show>
      <Show when={props.casus.status !== 'afgerond'}>
        <Button busy={change.busy()} onClick={() => void change.run('afgerond')}>
          {t('cases.close')}
        </Button>
      </Show>
      <Show when={props.casus.status === 'afgerond'}>
        <Button busy={change.busy()} onClick={() => void change.run('actief')}>
          {t('cases.reopen')}
        </Button>
      </Show>
      <Show when={props.casus.status === 'signaal' || props.casus.status === 'actief'}>
        <CaseWithdraw casus={props.casus} onChange={props.onChange} />
      </Show>
    </div>
  );
}

function Subjects(props: {
  casus: Casus;
  partners: Partner[];
  partnerName: Map<number, string>;
  covenantActive: boolean;
  onChange: (m?: string) => void;
}) {
  // Item ids are opaque strings (they never reveal hidden or police items).
  const [revealed, setRevealed] = createStore<Record<string, string>>({});
  const reveal = createAction(async (itemId: string) => {
    const { value } = await api.subjects.revealBsn.mutate({ itemId });
    setRevealed(itemId, value);
  });
  const policeIds = createMemo(() => new Set(props.partners.filter((p) => p.kind === 'politie').map((p) => p.id)));
  return (
    <section class="stack" aria-labelledby="subjects-heading">
      <h2 class="utrecht-heading-2" id="subjects-heading">
        {t('subjects.title')}
      </h2>
      <p class="utrecht-paragraph muted">{t('subjects.privacyNote')}</p>
      <Show when={reveal.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <For each={props.casus.subjects} fallback={<p class="utrecht-paragraph">{t('subjects.none')}</p>}>
        {(s, i) => (
          <div class="stack" data-testid="subject">
            <SubjectTable
              kind={s.kind}
              n={i() + 1}
              rows={s.items.map((item) => ({
                category: item.category,
                source: props.partnerName.get(item.sourcePartnerId) ?? '',
                police: policeIds().has(item.sourcePartnerId),
                value: () => (
                  <>
                    {item.erased ? t('item.erased') : (revealed[item.id] ?? formatItemValue(item.category, item.value))}
                    <Show when={item.restricted}>
                      {' '}
                      <Status tone="warning">{t('item.restricted')}</Status>
                    </Show>
                    <Show when={item.masked && !revealed[item.id]}>
                      {' '}
                      <Button variant="subtle" aria-label={t('subjects.revealLabel')} onClick={() => void reveal.run(item.id)}>
                        {t('subjects.reveal')}
                      </Button>
                    </Show>
                    <Show when={mayChangeItem(item) && props.casus.status !== 'ingetrokken'}>
                      <ItemChange item={item} onChange={props.onChange} />
                    </Show>
                  </>
                ),
              }))}
            />
            <Informed
              subject={s}
              mayRecord={props.casus.mayRecordInforming}
              policeOnly={s.items.length > 0 && s.items.every((item) => policeIds().has(item.sourcePartnerId))}
              onChange={props.onChange}
            />
            <Show when={hasRole('coordinator', 'member') && props.covenantActive && props.casus.status !== 'ingetrokken'}>
              <AddItems subjectId={s.id} n={i() + 1} partners={props.partners} onChange={props.onChange} />
            </Show>
          </div>
        )}
      </For>
      <Show when={hasRole('coordinator', 'member') && props.casus.status !== 'ingetrokken'}>
        <Show when={props.covenantActive} fallback={<p class="utrecht-paragraph notice">{t('subjects.covenantEnded')}</p>}>
          <AddSubject casus={props.casus} partners={props.partners} onChange={props.onChange} />
        </Show>
      </Show>
    </section>
  );
}

/** P11 (art. 26.4): per betrokkene the date they were informed, or why informing is postponed. */
function Informed(props: { subject: Casus['subjects'][number]; mayRecord: boolean; policeOnly: boolean; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  // The form starts from the values as loaded; edits are the form's own state.
  const [on, setOn] = createSignal(untrack(() => props.subject.informedOn ?? ''));
  const [reason, setReason] = createSignal(untrack(() => props.subject.informPostponedReason ?? ''));
  const save = createAction(async () => {
    await api.subjects.setInformed.mutate({
      subjectId: props.subject.id,
      informedOn: on() || null,
      postponedReason: reason().trim() || null,
    });
    setOpen(false);
    props.onChange(t('subjects.informSaved'));
  });
  return (
    // art. 26.3: a betrokkene known only from police data is informed by the police, not the team.
    <Show when={!props.policeOnly} fallback={<p class="utrecht-paragraph muted">{t('subjects.informPoliceOnly')}</p>}>
      <div class="stack">
        <p class="utrecht-paragraph">
          {props.subject.informedOn
            ? t('subjects.informedOn', { date: formatDay(props.subject.informedOn, 'long') })
            : props.subject.informPostponedReason
              ? t('subjects.informPostponed', { reason: props.subject.informPostponedReason })
              : t('subjects.notInformed')}
          <Show when={props.mayRecord && !open()}>
            {' '}
            <Button variant="subtle" onClick={() => setOpen(true)}>
              {t('subjects.informEdit')}
            </Button>
          </Show>
        </p>
        <Show when={open()}>
          <form
            class="card stack"
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
          >
            <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <p class="utrecht-paragraph">{t('subjects.informHint')}</p>
            <div class="row">
              <TextField
                label={t('subjects.informDate')}
                type="date"
                optional
                value={on()}
                onInput={(e) => setOn(e.currentTarget.value)}
                error={save.field('informedOn')}
              />
              <TextField
                label={t('subjects.informReason')}
                optional
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
                error={save.field('postponedReason')}
              />
            </div>
            <div class="inline-form">
              <Button type="submit" variant="primary" busy={save.busy()}>
                {t('app.save')}
              </Button>
              <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
            </div>
          </form>
        </Show>
      </div>
    </Show>
  );
}

function AddSubject(props: { casus: Casus; partners: Partner[]; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<'person' | 'company'>('person');
  const form = createItemsForm();
  const add = createAction(async () => {
    const result = await api.subjects.add.mutate({
      caseId: props.casus.id,
      kind: kind(),
      sourcePartnerId: form.sourcePartnerId(),
      items: form.values(),
    });
    form.done(result.warnings);
    setOpen(false);
    props.onChange(t('subjects.added'));
  });
  return (
    <div>
      <ItemWarnings form={form} />
      <Show when={open()} fallback={<Button onClick={() => setOpen(true)}>{t('subjects.add')}</Button>}>
        <ActionForm action={add} onSubmit={() => void add.run()} class="card stack" aria-labelledby="add-subject-heading">
          <h3 class="utrecht-heading-3" id="add-subject-heading">
            {t('subjects.add')}
          </h3>
          <SelectField
            label={t('subjects.kind')}
            name="kind"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as 'person')}
            options={[
              { value: 'person', label: t('subjects.person') },
              { value: 'company', label: t('subjects.company') },
            ]}
          />
          <ItemRows form={form} partners={props.partners} />
          <div class="inline-form">
            <Button onClick={form.addRow}>{t('subjects.addItem')}</Button>
            <Button type="submit" variant="primary" busy={add.busy()}>
              {t('subjects.add')}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </ActionForm>
      </Show>
    </div>
  );
}

/** Issue 9.4: a partner adds its data to a betrokkene already there instead of creating "Persoon 2". */
function AddItems(props: { subjectId: string; n: number; partners: Partner[]; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const form = createItemsForm();
  let opener: HTMLButtonElement | undefined;
  const add = createAction(async () => {
    const result = await api.subjects.addItems.mutate({
      subjectId: props.subjectId,
      sourcePartnerId: form.sourcePartnerId(),
      items: form.values(),
    });
    form.done(result.warnings);
    setOpen(false);
    props.onChange(t('subjects.itemsAdded'));
  });
  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <div>
      <ItemWarnings form={form} />
      <Show
        when={open()}
        fallback={
          <Button
            variant="subtle"
            ref={(el: HTMLButtonElement) => (opener = el)}
            onClick={() => setOpen(true)}
            aria-label={t('subjects.addItemsLabel', { n: props.n })}
          >
            {t('subjects.addItemsTo')}
          </Button>
        }
      >
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <ActionForm action={add} onSubmit={() => void add.run()} class="card stack" aria-labelledby={`add-items-heading-${props.n}`}>
            <h3 class="utrecht-heading-3" id={`add-items-heading-${props.n}`} tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
              {t('subjects.addItemsTitle', { n: props.n })}
            </h3>
            <ItemRows form={form} partners={props.partners} />
            <div class="inline-form">
              <Button onClick={form.addRow}>{t('subjects.addItem')}</Button>
              <Button type="submit" variant="primary" busy={add.busy()}>
                {t('subjects.addItemsTo')}
              </Button>
              <Button variant="subtle" onClick={close}>
                {t('app.cancel')}
              </Button>
            </div>
          </ActionForm>
        </div>
      </Show>
    </div>
  );
}

function Tasks(props: { casus: Casus; partners: Partner[]; partnerName: Map<number, string>; onChange: (m?: string) => void }) {
  const [title, setTitle] = createSignal('');
  const [partner, setPartner] = createSignal('');
  const [due, setDue] = createSignal(today(14));
  const [agreement, setAgreement] = createSignal('');
  const add = createAction(async () => {
    await withConfirmation(
      (confirmPast) =>
        api.tasks.create.mutate({
          title: title(),
          assigneePartnerId: Number(partner()) || 0,
          dueDate: due(),
          caseId: props.casus.id,
          agreementId: agreement() ? Number(agreement()) : null,
          confirmPast,
        }),
      pastDateQuestion,
    );
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
                  {props.partnerName.get(task.assigneePartnerId)} · {t('tasks.due')}:{' '}
                  <span classList={{ overdue: task.overdue }}>{formatDay(task.dueDate)}</span> <TaskState task={task} />
                </p>
                <Show when={task.resultNote}>
                  <p class="utrecht-paragraph">
                    {t('tasks.result')}: {task.resultNote}
                  </p>
                </Show>
                <TaskNotes task={task} />
                <ChangeLog changes={task.changes} />
                <Show when={hasRole('coordinator')}>
                  <TaskEditor task={task} partners={props.partners} onChange={props.onChange} />
                </Show>
                <Show when={mayAct(task.assigneePartnerId) && task.status !== 'vervallen'}>
                  <TaskActions task={task} onChange={props.onChange} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={hasRole('coordinator') && props.casus.status !== 'ingetrokken'}>
        <form
          class="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <h3 class="utrecht-heading-3">{t('tasks.add')}</h3>
          <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextField label={t('tasks.task')} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={add.field('title')} />
          <div class="row">
            <SelectField
              label={t('tasks.partner')}
              value={partner()}
              placeholder={t('team.choosePartner')}
              onChange={(e) => setPartner(e.currentTarget.value)}
              options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
              error={add.field('assigneePartnerId')}
            />
            <TextField
              label={t('tasks.due')}
              type="date"
              value={due()}
              onInput={(e) => setDue(e.currentTarget.value)}
              error={add.field('dueDate')}
            />
          </div>
          <SelectField
            label={t('tasks.agreement')}
            value={agreement()}
            placeholder={t('tasks.noAgreement')}
            optional
            onChange={(e) => setAgreement(e.currentTarget.value)}
            options={props.casus.agreements.filter((a) => a.status === 'open').map((a) => ({ value: a.id, label: a.text.slice(0, 80) }))}
          />
          <Button type="submit" busy={add.busy()}>
            {t('tasks.add')}
          </Button>
        </form>
      </Show>
    </section>
  );
}
