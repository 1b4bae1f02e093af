// Escalaties naar de DVC (BIT art. 2.6): the list per period; the coordinator raises a knelpunt
// on a casus and later records the outcome.
import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDay, t, today, type TextKey } from '../../i18n';
import { Alert, Button, SelectField, Status, TextAreaField, TextField } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

type Escalation = Awaited<ReturnType<typeof api.escalations.list.query>>[number];

export default function Escalations() {
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [list, { refetch }] = createResource(
    () => ({ from: from() || null, to: to() || null }),
    (f) => api.escalations.list.query(f),
  );
  const [cases] = createResource(
    () => hasRole('coordinator'),
    async () => (await api.cases.list.query({ status: 'actief', limit: 100 })).items,
  );
  const [caseId, setCaseId] = createSignal('');
  const [raisedOn, setRaisedOn] = createSignal(today());
  const [reason, setReason] = createSignal('');
  const raise = createAction(async () => {
    await api.escalations.raise.mutate({ caseId: Number(caseId()), raisedOn: raisedOn(), reason: reason() });
    setReason('');
    setCaseId('');
    void refetch();
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('escalations.title')}
      </h1>
      <p class="utrecht-paragraph">{t('escalations.intro')}</p>
      <div class="row card">
        <TextField label={t('reports.from')} type="date" optional value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
        <TextField label={t('reports.to')} type="date" optional value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <DataTable
        caption={t('escalations.caption', { n: list()?.length ?? 0 })}
        resource={list}
        empty={t('escalations.none')}
        columns={[
          { header: t('escalations.raisedOn'), cell: (e) => formatDay(e.raisedOn) },
          {
            header: t('escalations.case'),
            cell: (e) => (
              <>
                <A class="utrecht-link" href={`/casussen/${e.caseId}`}>
                  {e.caseCode}
                </A>{' '}
                <span class="muted">{e.gemeente}</span>
              </>
            ),
          },
          { header: t('escalations.reason'), cell: (e) => e.reason },
          {
            header: t('escalations.status'),
            cell: (e) => (
              <>
                <Status tone={e.status === 'open' ? 'warning' : 'ok'}>{t(`escalations.status.${e.status}` as TextKey)}</Status>
              </>
            ),
          },
          {
            header: t('escalations.outcome'),
            cell: (e) => (
              <>
                <Show
                  when={e.status === 'afgehandeld'}
                  fallback={
                    <Show when={hasRole('coordinator')}>
                      <Resolve escalation={e} onDone={() => void refetch()} />
                    </Show>
                  }
                >
                  {' '}
                  {e.outcome} <span class="muted">({formatDay(e.outcomeOn)})</span>{' '}
                </Show>
              </>
            ),
          },
        ]}
      />
      <Show when={hasRole('coordinator')}>
        <form
          class="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void raise.run();
          }}
        >
          <h2 class="utrecht-heading-2">{t('escalations.raise')}</h2>
          <div class="row">
            <SelectField
              label={t('escalations.case')}
              required
              value={caseId()}
              placeholder={t('escalations.chooseCase')}
              onChange={(e) => setCaseId(e.currentTarget.value)}
              error={raise.field('caseId')}
              options={(cases() ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.street} ${c.houseNumber}, ${c.city}` }))}
            />
            <TextField
              label={t('escalations.raisedOn')}
              type="date"
              required
              value={raisedOn()}
              onInput={(e) => setRaisedOn(e.currentTarget.value)}
              error={raise.field('raisedOn')}
            />
          </div>
          <TextAreaField
            label={t('escalations.reason')}
            description={t('escalations.reasonHint')}
            required
            rows={3}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            error={raise.field('reason')}
          />
          <Show when={raise.error()}>
            <Alert kind="error">{raise.error()}</Alert>
          </Show>
          <div class="row">
            <Button type="submit" variant="primary" busy={raise.busy()}>
              {t('escalations.raise')}
            </Button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function Resolve(props: { escalation: Escalation; onDone: () => void }) {
  const [outcome, setOutcome] = createSignal('');
  const [outcomeOn, setOutcomeOn] = createSignal(today());
  const resolve = createAction(async () => {
    await api.escalations.resolve.mutate({
      id: props.escalation.id,
      outcome: outcome(),
      outcomeOn: outcomeOn(),
      version: props.escalation.version,
    });
    props.onDone();
  });
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void resolve.run();
      }}
    >
      <TextField
        label={t('escalations.outcome')}
        required
        value={outcome()}
        onInput={(e) => setOutcome(e.currentTarget.value)}
        error={resolve.field('outcome')}
      />
      <TextField
        label={t('escalations.outcomeOn')}
        type="date"
        required
        value={outcomeOn()}
        onInput={(e) => setOutcomeOn(e.currentTarget.value)}
        error={resolve.field('outcomeOn')}
      />
      <Button type="submit" busy={resolve.busy()}>
        {t('escalations.resolve')}
      </Button>
      <Show when={resolve.error()}>
        <Alert kind="error">{resolve.error()}</Alert>
      </Show>
    </form>
  );
}
