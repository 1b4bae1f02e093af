// Joining (PIT art. 12), suspension (BIT art. 6.6) and the open tasks of leaving partners (art. 14)
// on the Team page. The coordinator records requests, consents, the annex and proposals; the FG
// approves or rejects; nothing takes effect before that (SPEC P13).
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { kindLabel } from '../../lib/labels';
import { formatDay, formatDateTime, t, today } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import { DecideButtons } from './SharingMatrix';
import { partnerKinds } from '../../../../db/schema/enums';

type Partner = { id: number; name: string; active: boolean; leftOn: string | null };

export default function PartnerCovenant(props: { partners: Partner[]; onChanged: () => void }) {
  const [joinings, { refetch }] = createResource(() => api.partners.joinings.query());
  const [suspensions, { refetch: refetchSuspensions }] = createResource(() => api.partners.suspensions.query());
  const name = (id: number) => props.partners.find((p) => p.id === id)?.name ?? '';
  const changed = async () => {
    await Promise.all([refetch(), refetchSuspensions()]);
    props.onChanged();
  };
  const decideJoining = createAction(async (joiningId: number, version: number, approve: boolean, reason: string) => {
    await api.partners.decideJoining.mutate({ joiningId, version, approve, reason });
    await changed();
  });
  const decideSuspension = createAction(async (id: number, version: number, approve: boolean, reason: string) => {
    await api.partners.decideSuspension.mutate({ id, version, approve, reason });
    await changed();
  });
  const lift = createAction(async (id: number, version: number, reason: string) => {
    await api.partners.liftSuspension.mutate({ id, version, reason });
    await changed();
  });
  return (
    <section class="stack" aria-labelledby="joinings-title">
      <h2 class="utrecht-heading-2" id="joinings-title">
        {t('joining.title')}
      </h2>
      <p class="utrecht-paragraph">{t('joining.intro')}</p>
      <Show when={decideJoining.error() ?? decideSuspension.error() ?? lift.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={hasRole('coordinator')}>
        <ProposeJoining onProposed={() => void refetch()} />
      </Show>
      <For each={joinings()} fallback={<p class="utrecht-paragraph">{t('joining.none')}</p>}>
        {(j) => (
          <article class="card stack" data-testid="joining">
            <h3 class="utrecht-heading-3">
              {j.name} ({kindLabel(j.kind)}) — {t(`joining.status.${j.status}` as 'joining.status.proposed')}
            </h3>
            <dl class="facts">
              <dt>{t('joining.requestedBy')}</dt>
              <dd>
                {j.proposedBy ?? '—'} · {formatDateTime(j.proposedAt)}
              </dd>
              <dt>{t('team.joinedOn')}</dt>
              <dd>{formatDay(j.joinedOn)}</dd>
              <dt>{t('joining.annexRef')}</dt>
              <dd>{j.annexRef ?? t('joining.annexMissing')}</dd>
              <Show when={j.decidedBy}>
                <dt>{t('joining.decidedBy')}</dt>
                <dd>
                  {j.decidedBy} · {formatDateTime(j.decidedAt)}
                  {j.decisionReason ? ` — ${j.decisionReason}` : ''}
                </dd>
              </Show>
            </dl>
            <DataTable
              caption={t('joining.consents', { name: j.name })}
              // Given consents first, then the partners whose consent is still missing (art. 12.1).
              rows={[
                ...j.consents.map((consent) => ({ partnerId: consent.partnerId, consent })),
                ...j.missingConsents.map((partnerId) => ({ partnerId, consent: null })),
              ]}
              empty={t('app.none')}
              columns={[
                { header: t('team.partnerName'), rowHeader: true, cell: (r) => name(r.partnerId) },
                {
                  header: t('joining.consentedOn'),
                  span: (r) => (r.consent ? 1 : 3),
                  cell: (r) => (r.consent ? formatDay(r.consent.consentedOn) : t('joining.consentMissing')),
                },
                { header: t('joining.consentedBy'), cell: (r) => r.consent?.consentedBy },
                { header: t('joining.reference'), cell: (r) => r.consent?.reference },
              ]}
            />
            <Show when={j.status === 'proposed' && hasRole('coordinator')}>
              <div class="grid-2">
                <RecordConsent
                  joiningId={j.id}
                  label={j.name}
                  partners={props.partners.filter((p) => j.missingConsents.includes(p.id))}
                  onRecorded={() => void refetch()}
                />
                <RecordAnnex joiningId={j.id} version={j.version} label={j.name} onRecorded={() => void refetch()} />
              </div>
            </Show>
            <Show when={j.status === 'proposed' && hasRole('privacy')}>
              <DecideButtons
                label={j.name}
                busy={decideJoining.busy()}
                onDecide={(approve, reason) => void decideJoining.run(j.id, j.version, approve, reason)}
              />
            </Show>
          </article>
        )}
      </For>

      <h2 class="utrecht-heading-2">{t('suspension.title')}</h2>
      <p class="utrecht-paragraph">{t('suspension.intro')}</p>
      <Show when={hasRole('coordinator')}>
        <ProposeSuspension partners={props.partners.filter((p) => p.active)} onProposed={() => void refetchSuspensions()} />
      </Show>
      <ul class="utrecht-unordered-list">
        <For each={suspensions()} fallback={<li>{t('suspension.none')}</li>}>
          {(s) => (
            <li data-testid="suspension">
              {name(s.partnerId)} — {t(`suspension.status.${s.status}` as 'suspension.status.proposed')} — {s.reason}
              {' · '}
              {s.proposedBy} {formatDateTime(s.proposedAt)}
              <Show when={s.decidedBy}>
                {' · '}
                {t('joining.decidedBy')}: {s.decidedBy}
                {s.decisionReason ? ` — ${s.decisionReason}` : ''}
              </Show>
              <Show when={s.liftedBy}>
                {' · '}
                {t('suspension.liftedBy')}: {s.liftedBy} — {s.liftReason}
              </Show>
              <Show when={s.status === 'proposed' && hasRole('privacy')}>
                <DecideButtons
                  label={name(s.partnerId)}
                  busy={decideSuspension.busy()}
                  onDecide={(approve, reason) => void decideSuspension.run(s.id, s.version, approve, reason)}
                />
              </Show>
              <Show when={s.status === 'in_effect' && hasRole('privacy')}>
                <LiftSuspension label={name(s.partnerId)} busy={lift.busy()} onLift={(reason) => void lift.run(s.id, s.version, reason)} />
              </Show>
            </li>
          )}
        </For>
      </ul>

      <Show when={hasRole('coordinator')}>
        <OpenTasks partners={props.partners.filter((p) => p.active && !p.leftOn)} />
      </Show>
    </section>
  );
}

function ProposeJoining(props: { onProposed: () => void }) {
  const [name, setName] = createSignal('');
  const [shortName, setShortName] = createSignal('');
  const [kind, setKind] = createSignal<string>('gemeente');
  const [joinedOn, setJoinedOn] = createSignal(today());
  const [annexRef, setAnnexRef] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const join = createAction(async () => {
    await api.partners.join.mutate({
      name: name(),
      shortName: shortName(),
      kind: kind() as 'gemeente',
      joinedOn: joinedOn(),
      annexRef: annexRef().trim() || null,
    });
    setDone(name());
    setName('');
    setShortName('');
    setAnnexRef('');
    props.onProposed();
  });
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        void join.run();
      }}
    >
      <h3 class="utrecht-heading-3">{t('team.joinPartner')}</h3>
      <Show when={join.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={done()}>{(n) => <Alert kind="ok">{t('joining.proposed', { name: n() })}</Alert>}</Show>
      <TextField label={t('team.partnerName')} value={name()} onInput={(e) => setName(e.currentTarget.value)} error={join.field('name')} />
      <TextField
        label={t('team.shortName')}
        value={shortName()}
        onInput={(e) => setShortName(e.currentTarget.value)}
        error={join.field('shortName')}
      />
      <SelectField
        label={t('team.partnerKind')}
        value={kind()}
        onChange={(e) => setKind(e.currentTarget.value)}
        options={partnerKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
      />
      <TextField
        label={t('team.joinedOn')}
        type="date"
        value={joinedOn()}
        onInput={(e) => setJoinedOn(e.currentTarget.value)}
        error={join.field('joinedOn')}
      />
      <TextField
        label={t('joining.annexRef')}
        description={t('joining.annexRefHint')}
        value={annexRef()}
        onInput={(e) => setAnnexRef(e.currentTarget.value)}
        error={join.field('annexRef')}
      />
      <Button type="submit" busy={join.busy()}>
        {t('joining.propose')}
      </Button>
    </form>
  );
}

function RecordConsent(props: { joiningId: number; label: string; partners: Partner[]; onRecorded: () => void }) {
  const [partnerId, setPartnerId] = createSignal('');
  const [on, setOn] = createSignal(today());
  const [by, setBy] = createSignal('');
  const [reference, setReference] = createSignal('');
  const record = createAction(async () => {
    await api.partners.recordConsent.mutate({
      joiningId: props.joiningId,
      partnerId: Number(partnerId()),
      consentedOn: on(),
      consentedBy: by(),
      reference: reference(),
    });
    setPartnerId('');
    setBy('');
    setReference('');
    props.onRecorded();
  });
  return (
    <form
      class="stack"
      aria-label={`${t('joining.recordConsent')}: ${props.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void record.run();
      }}
    >
      <h4 class="utrecht-heading-4">{t('joining.recordConsent')}</h4>
      <Show when={record.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <SelectField
        label={t('team.partnerName')}
        value={partnerId()}
        placeholder={t('team.choosePartner')}
        onChange={(e) => setPartnerId(e.currentTarget.value)}
        options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={record.field('partnerId')}
      />
      <TextField
        label={t('joining.consentedOn')}
        type="date"
        value={on()}
        onInput={(e) => setOn(e.currentTarget.value)}
        error={record.field('consentedOn')}
      />
      <TextField
        label={t('joining.consentedBy')}
        value={by()}
        onInput={(e) => setBy(e.currentTarget.value)}
        error={record.field('consentedBy')}
      />
      <TextField
        label={t('joining.reference')}
        value={reference()}
        onInput={(e) => setReference(e.currentTarget.value)}
        error={record.field('reference')}
      />
      <Button type="submit" busy={record.busy()}>
        {t('joining.recordConsent')}
      </Button>
    </form>
  );
}

function RecordAnnex(props: { joiningId: number; version: number; label: string; onRecorded: () => void }) {
  const [annexRef, setAnnexRef] = createSignal('');
  const record = createAction(async () => {
    await api.partners.recordAnnex.mutate({ joiningId: props.joiningId, annexRef: annexRef(), version: props.version });
    setAnnexRef('');
    props.onRecorded();
  });
  return (
    <form
      class="stack"
      aria-label={`${t('joining.recordAnnex')}: ${props.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void record.run();
      }}
    >
      <h4 class="utrecht-heading-4">{t('joining.recordAnnex')}</h4>
      <Show when={record.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <TextField
        label={t('joining.annexRef')}
        value={annexRef()}
        onInput={(e) => setAnnexRef(e.currentTarget.value)}
        error={record.field('annexRef')}
      />
      <Button type="submit" busy={record.busy()}>
        {t('joining.recordAnnex')}
      </Button>
    </form>
  );
}

function ProposeSuspension(props: { partners: Partner[]; onProposed: () => void }) {
  const [partnerId, setPartnerId] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [done, setDone] = createSignal(false);
  const propose = createAction(async () => {
    await api.partners.suspend.mutate({ partnerId: Number(partnerId()), reason: reason() });
    setPartnerId('');
    setReason('');
    setDone(true);
    props.onProposed();
  });
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        void propose.run();
      }}
    >
      <h3 class="utrecht-heading-3">{t('suspension.propose')}</h3>
      <Show when={propose.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={done()}>
        <Alert kind="ok">{t('suspension.proposed')}</Alert>
      </Show>
      <SelectField
        label={t('team.partnerName')}
        value={partnerId()}
        placeholder={t('team.choosePartner')}
        onChange={(e) => setPartnerId(e.currentTarget.value)}
        options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={propose.field('partnerId')}
      />
      <TextField
        label={t('sharing.reason')}
        value={reason()}
        onInput={(e) => setReason(e.currentTarget.value)}
        error={propose.field('reason')}
      />
      <Button type="submit" busy={propose.busy()}>
        {t('suspension.propose')}
      </Button>
    </form>
  );
}

function LiftSuspension(props: { label: string; busy: boolean; onLift: (reason: string) => void }) {
  const [reason, setReason] = createSignal('');
  return (
    <div class="stack">
      <TextField label={`${t('sharing.reason')}: ${props.label}`} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      <div>
        <Button busy={props.busy} aria-label={`${t('suspension.lift')}: ${props.label}`} onClick={() => props.onLift(reason())}>
          {t('suspension.lift')}
        </Button>
      </div>
    </div>
  );
}

/** art. 14: the open tasks of partners that left or are leaving, each reassigned with tasks.update. */
function OpenTasks(props: { partners: Partner[] }) {
  const [tasks, { refetch }] = createResource(() => api.partners.openTasks.query());
  const [target, setTarget] = createSignal<Record<number, string>>({});
  const reassign = createAction(async (id: number, version: number) => {
    await api.tasks.update.mutate({ id, version, assigneePartnerId: Number(target()[id]) });
    await refetch();
  });
  return (
    <div class="stack">
      <h2 class="utrecht-heading-2">{t('leaving.openTasks')}</h2>
      <Show when={reassign.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <ul class="utrecht-unordered-list">
        <For each={tasks()} fallback={<li>{t('leaving.noOpenTasks')}</li>}>
          {(task) => (
            <li data-testid="leaving-task">
              {task.title} — {task.partner} ({t('team.partnerLeaving', { date: formatDay(task.partnerLeftOn) })}) ·{' '}
              {formatDay(task.dueDate)}
              <SelectField
                label={`${t('leaving.reassignTo')}: ${task.title}`}
                value={target()[task.id] ?? ''}
                placeholder={t('team.choosePartner')}
                onChange={(e) => setTarget({ ...target(), [task.id]: e.currentTarget.value })}
                options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
              />
              <Button busy={reassign.busy()} disabled={!target()[task.id]} onClick={() => void reassign.run(task.id, task.version)}>
                {t('leaving.reassign')}
              </Button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
