// The Convenant page (issue 10): the covenant in force, its history and what each change did,
// proposals waiting for the FG (who approves or rejects them), the propose forms for the admin and
// coordinator, and the wind-down panel with the FG's decision per casus.
import { createResource, createSignal, For, Show, untrack } from 'solid-js';
import { A } from '@solidjs/router';
import { covenantChanged } from '../../lib/covenant-status';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDay, formatDateTime, t } from '../../i18n';
import { addMonths } from '../../lib/dates';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Form';
import { ActionForm } from '../../components/ActionForm';

type Overview = Awaited<ReturnType<typeof api.covenants.overview.query>>;
type CovenantView = Overview['covenants'][number];

export default function Covenant() {
  const [overview, { refetch }] = createResource(() => api.covenants.overview.query());
  const manager = () => hasRole('coordinator', 'admin');
  const fg = () => hasRole('privacy');
  const current = () => overview()?.covenants.find((c) => c.id === overview()?.inForceId);
  const period = (c: { startsOn: string; endsOn: string | null }) =>
    `${formatDay(c.startsOn, 'long')} – ${c.endsOn ? formatDay(c.endsOn, 'long') : '…'}`;
  const pending = () =>
    (overview()?.covenants ?? []).flatMap((c) => [
      ...(c.approval === 'proposed'
        ? [
            {
              kind: 'covenant' as const,
              id: c.id,
              title: c.title,
              ref: c.documentRef,
              text: c.changes,
              period: period(c),
              by: c.proposedBy,
              at: c.proposedAt,
              mine: c.proposedByMe,
            },
          ]
        : []),
      ...c.addenda
        .filter((a) => a.approval === 'proposed')
        .map((a) => ({
          kind: 'addendum' as const,
          id: a.id,
          title: c.title,
          ref: a.reference,
          text: a.description,
          period: a.newEndsOn ? t('covenant.newEnd', { date: formatDay(a.newEndsOn, 'long') }) : formatDay(a.changedOn, 'long'),
          by: a.proposedBy,
          at: a.proposedAt,
          mine: a.proposedByMe,
        })),
    ]);

  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('covenant.title')}
      </h1>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/team">
          {t('nav.team')}
        </A>
      </p>
      <Show when={overview()}>
        {(o) => (
          <>
            <Show when={o().windDown}>
              <Alert kind="warning" title={t('covenant.windDownTitle')}>
                {t('covenant.windDownText')}
              </Alert>
            </Show>
            <div class="card stack">
              <h2 class="utrecht-heading-2">{t('covenant.current')}</h2>
              <Show when={current()} fallback={<p class="utrecht-paragraph">{t('covenant.none')}</p>}>
                {(c) => <CovenantFacts c={c()} period={period(c())} />}
              </Show>
            </div>

            <DataTable
              caption={t('covenant.history')}
              rows={o().covenants}
              empty={t('covenant.none')}
              rowTestId="covenant-row"
              columns={[
                { header: t('covenant.col.title'), rowHeader: true, cell: (c) => c.title },
                { header: t('covenant.col.ref'), cell: (c) => c.documentRef },
                { header: t('covenant.col.period'), cell: (c) => period(c) },
                { header: t('covenant.col.status'), cell: (c) => t(`covenant.status.${c.status}` as 'covenant.status.ended') },
              ]}
            />

            <For each={o().covenants.filter((c) => c.approval === 'approved')}>
              {(c) => (
                <div class="card stack">
                  <h2 class="utrecht-heading-3">{c.title}</h2>
                  <Show when={c.changes}>
                    <p class="utrecht-paragraph">
                      <strong>{t('covenant.changes')}:</strong> {c.changes}
                    </p>
                  </Show>
                  <Show when={c.decidedBy && c.decidedAt}>
                    <p class="utrecht-paragraph muted">
                      {t('covenant.decidedBy', { name: c.decidedBy!, date: formatDateTime(c.decidedAt) })}
                    </p>
                  </Show>
                  <h3 class="utrecht-heading-4">{t('covenant.addenda')}</h3>
                  <Show when={c.addenda.length > 0} fallback={<p class="utrecht-paragraph">{t('covenant.noAddenda')}</p>}>
                    <ul class="utrecht-unordered-list">
                      <For each={c.addenda}>
                        {(a) => (
                          <li>
                            <strong>{a.reference}</strong> ({formatDay(a.changedOn, 'long')}): {a.description}
                            {a.newEndsOn ? ` — ${t('covenant.newEnd', { date: formatDay(a.newEndsOn, 'long') })}` : ''} —{' '}
                            {t(`covenant.status.${a.approval === 'approved' ? 'in_force' : a.approval}` as 'covenant.status.ended')}
                            <Show when={a.decisionReason}>
                              {' '}
                              ({t('covenant.reasonLabel')}: {a.decisionReason})
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </div>
              )}
            </For>

            <Pending items={pending()} fg={fg()} onDone={() => void refetch()} />
            <Show when={manager()}>
              <ProposeCovenant onDone={() => void refetch()} />
              <Show when={o().covenants.some((c) => c.approval === 'approved')}>
                <ProposeAddendum covenants={o().covenants.filter((c) => c.approval === 'approved')} onDone={() => void refetch()} />
              </Show>
            </Show>
            <Show when={o().windDown && hasRole('coordinator', 'member', 'privacy')}>
              <WindDownPanel fg={fg()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function CovenantFacts(props: { c: CovenantView; period: string }) {
  return (
    <dl class="facts">
      <dt>{t('covenant.col.title')}</dt>
      <dd>{props.c.title}</dd>
      <dt>{t('covenant.col.ref')}</dt>
      <dd>{props.c.documentRef}</dd>
      <Show when={props.c.signedOn}>
        <dt>{t('covenant.signedOn')}</dt>
        <dd>{formatDay(props.c.signedOn, 'long')}</dd>
      </Show>
      <dt>{t('covenant.col.period')}</dt>
      <dd>{props.period}</dd>
      <Show when={props.c.initialTermMonths}>
        <dt>{t('covenant.rule')}</dt>
        <dd>
          {t('covenant.ruleText', { initial: String(props.c.initialTermMonths), renewal: String(props.c.tacitRenewalMonths ?? 0) })}
          {props.c.evaluationCallsForChange ? ` ${t('covenant.ruleChanged')}` : ''}
        </dd>
      </Show>
      <dt>{t('team.reporting')}</dt>
      <dd>
        {t(`team.cadence.${props.c.reportingCadence}` as 'team.cadence.yearly')} — {props.c.reportRecipient}
      </dd>
    </dl>
  );
}

type PendingItem = {
  kind: 'covenant' | 'addendum';
  id: number;
  title: string;
  ref: string;
  text: string;
  period: string;
  by: string | null;
  at: string | null;
  mine: boolean;
};

function Pending(props: { items: PendingItem[]; fg: boolean; onDone: () => void }) {
  return (
    <div class="card stack">
      <h2 class="utrecht-heading-2">{t('covenant.pending')}</h2>
      <Show when={props.items.length > 0} fallback={<p class="utrecht-paragraph">{t('covenant.noPending')}</p>}>
        <For each={props.items}>{(item) => <PendingProposal item={item} fg={props.fg} onDone={props.onDone} />}</For>
      </Show>
    </div>
  );
}

function PendingProposal(props: { item: PendingItem; fg: boolean; onDone: () => void }) {
  const [reason, setReason] = createSignal('');
  const decide = createAction(async (approve: boolean) => {
    await api.covenants.decide.mutate({ kind: props.item.kind, id: props.item.id, approve, reason: reason() });
    covenantChanged();
    props.onDone();
  });
  const headingId = untrack(() => `proposal-${props.item.kind}-${props.item.id}`);
  return (
    <article class="stack" data-testid="pending-proposal">
      <h3 class="utrecht-heading-3" id={headingId}>
        {t(`covenant.kind.${props.item.kind}`)}: {props.item.ref}
      </h3>
      <p class="utrecht-paragraph">
        {props.item.title} — {props.item.period}
      </p>
      <Show when={props.item.text}>
        <p class="utrecht-paragraph">{props.item.text}</p>
      </Show>
      <Show when={props.item.by && props.item.at}>
        <p class="utrecht-paragraph muted">{t('covenant.proposedBy', { name: props.item.by!, date: formatDateTime(props.item.at) })}</p>
      </Show>
      <Show when={props.item.mine}>
        <p class="utrecht-paragraph">{t('covenant.ownProposal')}</p>
      </Show>
      <Show when={props.fg && !props.item.mine}>
        <ActionForm action={decide} onSubmit={() => void decide.run(true)} aria-labelledby={headingId}>
          <TextAreaField
            name="reason"
            label={t('covenant.decisionReason')}
            optional
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="actions">
            <Button type="submit" busy={decide.busy()}>
              {t('covenant.approve')}
            </Button>
            <Button type="button" variant="danger" busy={decide.busy()} onClick={() => void decide.run(false)}>
              {t('covenant.reject')}
            </Button>
          </div>
        </ActionForm>
      </Show>
    </article>
  );
}

function ProposeCovenant(props: { onDone: () => void }) {
  const empty = {
    title: '',
    citation: '',
    documentRef: '',
    signedOn: '',
    startsOn: '',
    endsOn: '',
    initialTermMonths: '',
    tacitRenewalMonths: '',
    reportingCadence: 'yearly',
    reportRecipient: '',
    changes: '',
  };
  const [form, setForm] = createSignal({ ...empty });
  // BIT art. 14.1: tacit renewal applies unless the first-year evaluation calls for change.
  const [evaluation, setEvaluation] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form(), [key]: e.currentTarget.value });
  const months = (v: string) => (v.trim() ? Number(v) : null);
  const propose = createAction(async () => {
    const f = form();
    await api.covenants.propose.mutate({
      title: f.title,
      citation: f.citation,
      documentRef: f.documentRef,
      signedOn: f.signedOn || null,
      startsOn: f.startsOn,
      endsOn: f.endsOn || null,
      initialTermMonths: months(f.initialTermMonths),
      tacitRenewalMonths: months(f.tacitRenewalMonths),
      evaluationCallsForChange: evaluation(),
      reportingCadence: f.reportingCadence as 'yearly' | 'half_yearly',
      reportRecipient: f.reportRecipient,
      changes: f.changes,
    });
    setForm({ ...empty });
    setEvaluation(false);
    setDone(true);
    props.onDone();
  });
  return (
    <div class="card stack">
      <h2 class="utrecht-heading-2" id="propose-covenant">
        {t('covenant.proposeTitle')}
      </h2>
      <p class="utrecht-paragraph">{t('covenant.proposeIntro')}</p>
      <Show when={done()}>
        <Alert kind="ok">{t('covenant.proposed')}</Alert>
      </Show>
      <ActionForm
        action={propose}
        onSubmit={() => {
          setDone(false);
          void propose.run();
        }}
        aria-labelledby="propose-covenant"
      >
        <TextField name="title" label={t('covenant.field.title')} value={form().title} onInput={set('title')} />
        <TextField name="citation" label={t('covenant.field.citation')} optional value={form().citation} onInput={set('citation')} />
        <TextField name="documentRef" label={t('covenant.field.documentRef')} value={form().documentRef} onInput={set('documentRef')} />
        <TextField
          name="signedOn"
          type="date"
          label={t('covenant.field.signedOn')}
          optional
          value={form().signedOn}
          onInput={set('signedOn')}
        />
        <TextField name="startsOn" type="date" label={t('covenant.field.startsOn')} value={form().startsOn} onInput={set('startsOn')} />
        <TextField
          name="endsOn"
          type="date"
          label={t('covenant.field.endsOn')}
          description={t('covenant.field.endsOnHelp')}
          optional
          value={form().endsOn}
          onInput={set('endsOn')}
        />
        <TextField
          name="initialTermMonths"
          type="number"
          min="1"
          max="240"
          label={t('covenant.field.initialTerm')}
          optional
          value={form().initialTermMonths}
          onInput={set('initialTermMonths')}
        />
        <TextField
          name="tacitRenewalMonths"
          type="number"
          min="1"
          max="240"
          label={t('covenant.field.tacitRenewal')}
          optional
          value={form().tacitRenewalMonths}
          onInput={set('tacitRenewalMonths')}
        />
        <CheckboxField
          label={t('covenant.field.evaluationCallsForChange')}
          description={t('covenant.field.evaluationHelp')}
          checked={evaluation()}
          onChange={setEvaluation}
        />
        <SelectField
          name="reportingCadence"
          label={t('covenant.field.cadence')}
          value={form().reportingCadence}
          onChange={set('reportingCadence')}
          options={[
            { value: 'yearly', label: t('team.cadence.yearly') },
            { value: 'half_yearly', label: t('team.cadence.half_yearly') },
          ]}
        />
        <TextField
          name="reportRecipient"
          label={t('covenant.field.recipient')}
          value={form().reportRecipient}
          onInput={set('reportRecipient')}
        />
        <TextAreaField name="changes" label={t('covenant.field.changes')} optional value={form().changes} onInput={set('changes')} />
        <div class="actions">
          <Button type="submit" busy={propose.busy()}>
            {t('covenant.propose')}
          </Button>
        </div>
      </ActionForm>
    </div>
  );
}

function ProposeAddendum(props: { covenants: CovenantView[]; onDone: () => void }) {
  const empty = () => ({
    covenantId: String(props.covenants.at(-1)?.id ?? ''),
    reference: '',
    changedOn: '',
    description: '',
    newEndsOn: '',
  });
  const [form, setForm] = createSignal(empty());
  const [done, setDone] = createSignal(false);
  const set = (key: keyof ReturnType<typeof empty>) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form(), [key]: e.currentTarget.value });
  const selected = () => props.covenants.find((c) => String(c.id) === form().covenantId);
  // BIT art. 14.1: a covenant that renews tacitly unless the first-year evaluation calls for change.
  // That outcome is recorded as an addendum ending the covenant after its first term (an approved
  // addendum's end date overrides the computed one: server/privacy/covenant-gate.ts computedEndsOn).
  const firstTermEnd = () => {
    const c = selected();
    if (!c || c.fixedEndsOn || !c.initialTermMonths || !c.tacitRenewalMonths || c.evaluationCallsForChange) return null;
    return addMonths(c.startsOn, c.initialTermMonths);
  };
  const recordEvaluation = (on: boolean) => {
    const end = firstTermEnd();
    if (!end) return;
    setForm({
      ...form(),
      newEndsOn: on ? end : '',
      description: on && !form().description ? t('covenant.evaluationAddendumText') : form().description,
    });
  };
  const propose = createAction(async () => {
    const f = form();
    await api.covenants.proposeAddendum.mutate({
      covenantId: Number(f.covenantId),
      reference: f.reference,
      changedOn: f.changedOn,
      description: f.description,
      newEndsOn: f.newEndsOn || null,
    });
    covenantChanged();
    setForm(empty());
    setDone(true);
    props.onDone();
  });
  return (
    <div class="card stack">
      <h2 class="utrecht-heading-2" id="propose-addendum">
        {t('covenant.addendumTitle')}
      </h2>
      <Show when={done()}>
        <Alert kind="ok">{t('covenant.proposed')}</Alert>
      </Show>
      <ActionForm
        action={propose}
        onSubmit={() => {
          setDone(false);
          void propose.run();
        }}
        aria-labelledby="propose-addendum"
      >
        <SelectField
          name="covenantId"
          label={t('covenant.field.covenant')}
          value={form().covenantId}
          onChange={set('covenantId')}
          options={props.covenants.map((c) => ({ value: c.id, label: c.title }))}
        />
        <TextField name="reference" label={t('covenant.field.reference')} value={form().reference} onInput={set('reference')} />
        <TextField name="changedOn" type="date" label={t('covenant.field.changedOn')} value={form().changedOn} onInput={set('changedOn')} />
        <TextAreaField name="description" label={t('covenant.field.description')} value={form().description} onInput={set('description')} />
        <Show when={firstTermEnd()}>
          {(end) => (
            <CheckboxField
              label={t('covenant.field.evaluationOutcome')}
              description={t('covenant.field.evaluationOutcomeHelp', { date: formatDay(end(), 'long') })}
              checked={form().newEndsOn === end()}
              onChange={recordEvaluation}
            />
          )}
        </Show>
        <TextField
          name="newEndsOn"
          type="date"
          label={t('covenant.field.newEndsOn')}
          optional
          value={form().newEndsOn}
          onInput={set('newEndsOn')}
        />
        <div class="actions">
          <Button type="submit" busy={propose.busy()}>
            {t('covenant.propose')}
          </Button>
        </div>
      </ActionForm>
    </div>
  );
}

function WindDownPanel(props: { fg: boolean }) {
  const [data, { refetch }] = createResource(() => api.covenants.windDown.query());
  const decide = createAction(async (caseId: number, decision: 'hand_back' | 'erase') => {
    await api.covenants.decideCase.mutate({ caseId, decision, note: '' });
    covenantChanged();
    await refetch();
  });
  return (
    <div class="card stack">
      <h2 class="utrecht-heading-2">{t('covenant.windDownPanel')}</h2>
      <p class="utrecht-paragraph">{t('covenant.windDownIntro')}</p>
      <Show when={decide.error()}>
        <Alert kind="error">{decide.error()}</Alert>
      </Show>
      <Show when={(data()?.cases.length ?? 0) > 0} fallback={<p class="utrecht-paragraph">{t('covenant.noCases')}</p>}>
        <DataTable
          caption={t('covenant.windDownPanel')}
          rows={data()?.cases}
          empty={t('covenant.noCases')}
          rowTestId="wind-down-case"
          columns={[
            { header: t('covenant.col.case'), rowHeader: true, cell: (c) => c.code },
            { header: t('covenant.col.partners'), cell: (c) => c.partners.map((p) => p.name).join(', ') },
            {
              header: t('covenant.col.decision'),
              cell: (c) => (
                <>
                  <Show
                    when={c.decision}
                    fallback={
                      <Show when={props.fg} fallback={t('covenant.decision.none')}>
                        <div class="actions">
                          <Button
                            type="button"
                            variant="secondary"
                            busy={decide.busy()}
                            aria-label={`${t('covenant.handBack')} ${c.code}`}
                            onClick={() => void decide.run(c.caseId, 'hand_back')}
                          >
                            {t('covenant.handBack')}
                          </Button>
                          <Button
                            type="button"
                            variant="danger"
                            busy={decide.busy()}
                            aria-label={`${t('covenant.erase')} ${c.code}`}
                            onClick={() => void decide.run(c.caseId, 'erase')}
                          >
                            {t('covenant.erase')}
                          </Button>
                        </div>
                      </Show>
                    }
                  >
                    {(d) => (
                      <>
                        {t(`covenant.decision.${d().decision}`)} ({d().decidedBy}, {formatDateTime(d().decidedAt)})
                        <Show when={d().decision === 'hand_back'}>
                          <ul class="utrecht-unordered-list">
                            <For each={c.partners}>
                              {(p) => (
                                <li>
                                  <a class="utrecht-link" href={`/export/handback/${c.caseId}.html?partnerId=${p.id}`} download="">
                                    {t('covenant.download', { partner: p.name })}
                                  </a>
                                  {' · '}
                                  <a class="utrecht-link" href={`/export/handback/${c.caseId}.docx?partnerId=${p.id}`} download="">
                                    {t('covenant.downloadWord', { partner: p.name })}
                                  </a>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      </>
                    )}
                  </Show>
                </>
              ),
            },
          ]}
        />
      </Show>
    </div>
  );
}
