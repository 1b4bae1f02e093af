// Escalaties naar de DVC (BIT art. 2.6): the list per period; the coordinator raises a knelpunt
// on a casus and later records the outcome.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDay, t, today, type TextKey } from '../../i18n';
import { Alert, Button, SelectField, Status, TextAreaField, TextField } from '../../components/Form';

type Escalation = Awaited<ReturnType<typeof api.escalations.list.query>>[number];

export default function Escalations() {
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [list, { refetch }] = createResource(() => ({ from: from() || null, to: to() || null }), (f) => api.escalations.list.query(f));
  const [cases] = createResource(() => hasRole('coordinator'), async () => (await api.cases.list.query({ status: 'actief', limit: 100 })).items);
  const [caseId, setCaseId] = createSignal('');
  const [raisedOn, setRaisedOn] = createSignal(today());
  const [reason, setReason] = createSignal('');
  const raise = createAction(async () => {
    await api.escalations.raise.mutate({ caseId: Number(caseId()), raisedOn: raisedOn(), reason: reason() });
    setReason(''); setCaseId('');
    void refetch();
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('escalations.title')}</h1>
      <p class="utrecht-paragraph">{t('escalations.intro')}</p>
      <div class="row card">
        <TextField label={t('reports.from')} type="date" optional value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
        <TextField label={t('reports.to')} type="date" optional value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <Show when={list.error}><Alert kind="error">{(list.error as Error).message}</Alert></Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('escalations.caption', { n: list()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('escalations.raisedOn')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('escalations.case')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('escalations.reason')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('escalations.status')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('escalations.outcome')}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            <For each={list()} fallback={<tr class="utrecht-table__row"><td class="utrecht-table__cell" colSpan={5}>{list.loading ? t('app.loading') : t('escalations.none')}</td></tr>}>{(e) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{formatDay(e.raisedOn)}</td>
                <td class="utrecht-table__cell"><A class="utrecht-link" href={`/casussen/${e.caseId}`}>{e.caseCode}</A> <span class="muted">{e.gemeente}</span></td>
                <td class="utrecht-table__cell">{e.reason}</td>
                <td class="utrecht-table__cell"><Status tone={e.status === 'open' ? 'warning' : 'ok'}>{t(`escalations.status.${e.status}` as TextKey)}</Status></td>
                <td class="utrecht-table__cell">
                  <Show when={e.status === 'afgehandeld'} fallback={<Show when={hasRole('coordinator')}><Resolve escalation={e} onDone={() => void refetch()} /></Show>}>
                    {e.outcome} <span class="muted">({formatDay(e.outcomeOn)})</span>
                  </Show>
                </td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <Show when={hasRole('coordinator')}>
        <form class="card stack" onSubmit={(e) => { e.preventDefault(); void raise.run(); }}>
          <h2 class="utrecht-heading-2">{t('escalations.raise')}</h2>
          <div class="row">
            <SelectField label={t('escalations.case')} required value={caseId()} placeholder={t('escalations.chooseCase')} onChange={(e) => setCaseId(e.currentTarget.value)} error={raise.field('caseId')}
              options={(cases() ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.street} ${c.houseNumber}, ${c.city}` }))} />
            <TextField label={t('escalations.raisedOn')} type="date" required value={raisedOn()} onInput={(e) => setRaisedOn(e.currentTarget.value)} error={raise.field('raisedOn')} />
          </div>
          <TextAreaField label={t('escalations.reason')} description={t('escalations.reasonHint')} required rows={3} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} error={raise.field('reason')} />
          <Show when={raise.error()}><Alert kind="error">{raise.error()}</Alert></Show>
          <div class="row"><Button type="submit" variant="primary" busy={raise.busy()}>{t('escalations.raise')}</Button></div>
        </form>
      </Show>
    </section>
  );
}

function Resolve(props: { escalation: Escalation; onDone: () => void }) {
  const [outcome, setOutcome] = createSignal('');
  const [outcomeOn, setOutcomeOn] = createSignal(today());
  const resolve = createAction(async () => {
    await api.escalations.resolve.mutate({ id: props.escalation.id, outcome: outcome(), outcomeOn: outcomeOn(), version: props.escalation.version });
    props.onDone();
  });
  return (
    <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void resolve.run(); }}>
      <TextField label={t('escalations.outcome')} required value={outcome()} onInput={(e) => setOutcome(e.currentTarget.value)} error={resolve.field('outcome')} />
      <TextField label={t('escalations.outcomeOn')} type="date" required value={outcomeOn()} onInput={(e) => setOutcomeOn(e.currentTarget.value)} error={resolve.field('outcomeOn')} />
      <Button type="submit" busy={resolve.busy()}>{t('escalations.resolve')}</Button>
      <Show when={resolve.error()}><Alert kind="error">{resolve.error()}</Alert></Show>
    </form>
  );
}
