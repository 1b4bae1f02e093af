// P2/P13: the sharing matrix of the covenant (art. 20.3–20.7) as team configuration. A change is a
// covenant change (art. 13): the functioneel beheerder proposes it with the addendum's reference,
// the FG approves or rejects it; only then does it take effect. Only the choices within the
// covenant's hard limits are offered (the server refuses anything wider). The history shows who
// proposed, who decided, the addendum and what changed.
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { categoryLabel, kindLabel } from '../../lib/labels';
import { formatDateTime, t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';
import {
  itemCategories as categories,
  partnerKinds as kinds,
  type ItemCategory as Category,
  type PartnerKind as Kind,
} from '../../../../db/schema/enums';

type Audience = 'all' | 'gemeenten' | '';

export default function SharingMatrix() {
  const [rules, { refetch }] = createResource(() => api.sharing.matrix.query());
  const [limits] = createResource(() => api.sharing.limits.query());
  const [history, { refetch: refetchHistory }] = createResource(() => api.sharing.history.query());
  /** The audiences a proposal may choose (an annex kind: up to the gemeenten, by annex). */
  const allowed = (kind: string, category: string): string[] => {
    const limit = limits()?.find((l) => l.sourceKind === kind);
    if (limit?.annexable) return ['gemeenten'];
    return limit?.categories.find((c) => c.category === category)?.audiences ?? [];
  };
  const audience = (kind: string, category: string): Audience =>
    (rules() ?? []).find((r) => r.sourceKind === kind && r.category === category)?.audience ?? '';
  const label = (a: Audience | null | undefined) =>
    a === 'all' ? t('sharing.all') : a === 'gemeenten' ? t('sharing.gemeenten') : t('sharing.none');
  // The admin's draft: cells changed in the table, proposed together under one addendum.
  const [draft, setDraft] = createSignal<Record<string, Audience>>({});
  const [addendumRef, setAddendumRef] = createSignal('');
  const [proposed, setProposed] = createSignal(false);
  const cellValue = (kind: string, category: string) => draft()[`${kind}:${category}`] ?? audience(kind, category);
  const setCell = (kind: string, category: string, value: Audience) => {
    const key = `${kind}:${category}`;
    const { [key]: _old, ...rest } = draft();
    setDraft(value === audience(kind, category) ? rest : { ...rest, [key]: value });
  };
  const changes = () =>
    Object.entries(draft()).map(([key, value]) => {
      const [sourceKind, category] = key.split(':') as [Kind, Category];
      return { sourceKind, category, audience: value === '' ? null : value };
    });
  const refresh = async () => {
    await Promise.all([refetch(), refetchHistory()]);
  };
  const propose = createAction(async () => {
    await api.sharing.propose.mutate({ addendumRef: addendumRef(), changes: changes() });
    setDraft({});
    setAddendumRef('');
    setProposed(true);
    await refresh();
  });
  const decide = createAction(async (id: number, version: number, approve: boolean, reason: string) => {
    await api.sharing.decide.mutate({ id, version, approve, reason });
    await refresh();
  });
  const basis = () => (history() ?? []).at(-1)?.addendumRef;
  return (
    <section class="stack" aria-labelledby="sharing-title">
      <h2 class="utrecht-heading-2" id="sharing-title">
        {t('sharing.title')}
      </h2>
      <p class="utrecht-paragraph">{t('sharing.intro')}</p>
      <p class="utrecht-paragraph">{t('sharing.limits')}</p>
      <Show when={basis()}>
        {(b) => (
          <p class="utrecht-paragraph" data-testid="matrix-basis">
            {t('sharing.basis', { basis: b() })}
          </p>
        )}
      </Show>
      <Show when={hasRole('admin')}>
        <p class="utrecht-paragraph">{t('sharing.proposeHint')}</p>
      </Show>
      <Show when={propose.error() ?? decide.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={proposed()}>
        <Alert kind="ok">{t('sharing.proposed')}</Alert>
      </Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('sharing.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('sharing.source')}
              </th>
              <For each={categories}>
                {(c) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {categoryLabel(c)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For each={kinds}>
              {(kind) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {kindLabel(kind)}
                  </th>
                  <For each={categories}>
                    {(category) => (
                      <td class="utrecht-table__cell">
                        <Show when={hasRole('admin') && allowed(kind, category).length > 0} fallback={label(audience(kind, category))}>
                          <select
                            class="utrecht-select utrecht-select--html-select"
                            aria-label={`${kindLabel(kind)} — ${categoryLabel(category)}`}
                            value={cellValue(kind, category)}
                            onChange={(e) => {
                              setProposed(false);
                              setCell(kind, category, e.currentTarget.value as Audience);
                            }}
                          >
                            <option value="">{t('sharing.none')}</option>
                            <For each={allowed(kind, category)}>{(a) => <option value={a}>{label(a as Audience)}</option>}</For>
                          </select>
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>

      <Show when={hasRole('admin') && changes().length > 0}>
        <form
          class="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void propose.run();
          }}
        >
          <h3 class="utrecht-heading-3">{t('sharing.draft', { n: changes().length })}</h3>
          <ul class="utrecht-unordered-list">
            <For each={changes()}>
              {(c) => (
                <li>
                  {kindLabel(c.sourceKind)} — {categoryLabel(c.category)}: {label(audience(c.sourceKind, c.category))} → {label(c.audience)}
                </li>
              )}
            </For>
          </ul>
          <TextField
            label={t('sharing.addendumRef')}
            description={t('sharing.addendumRefHint')}
            value={addendumRef()}
            onInput={(e) => setAddendumRef(e.currentTarget.value)}
            error={propose.field('addendumRef')}
          />
          <Button type="submit" variant="primary" busy={propose.busy()}>
            {t('sharing.propose')}
          </Button>
        </form>
      </Show>

      <div class="table-wrap">
        <table class="utrecht-table" data-testid="sharing-history">
          <caption class="utrecht-table__caption">{t('sharing.history')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('sharing.addendumRef')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('sharing.changes')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('sharing.proposedBy')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('sharing.decision')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For each={history()}>
              {(p) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {p.addendumRef}
                  </th>
                  <td class="utrecht-table__cell">
                    <Show when={p.proposedBy !== null} fallback={t('sharing.seeded', { n: p.changes.length })}>
                      <ul class="utrecht-unordered-list">
                        <For each={p.changes}>
                          {(c) => (
                            <li>
                              {kindLabel(c.sourceKind)} — {categoryLabel(c.category)}:{' '}
                              <Show when={p.status === 'approved'}>{label(c.from)} → </Show>
                              {label(c.audience)}
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </td>
                  <td class="utrecht-table__cell">
                    {p.proposedBy ?? '—'}
                    {' · '}
                    {formatDateTime(p.proposedAt)}
                  </td>
                  <td class="utrecht-table__cell">
                    {t(`sharing.status.${p.status}` as 'sharing.status.approved')}
                    <Show when={p.decidedBy}>
                      {(by) => (
                        <>
                          {' — '}
                          {by()}
                          {p.decidedAt ? ` · ${formatDateTime(p.decidedAt)}` : ''}
                        </>
                      )}
                    </Show>
                    <Show when={p.decisionReason}>
                      {(r) => (
                        <>
                          {' — '}
                          {r()}
                        </>
                      )}
                    </Show>
                    <Show when={p.status === 'proposed' && hasRole('privacy')}>
                      <DecideButtons
                        label={p.addendumRef}
                        busy={decide.busy()}
                        onDecide={(approve, reason) => void decide.run(p.id, p.version, approve, reason)}
                      />
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The FG's approve / reject (with a reason) on one proposal. */
export function DecideButtons(props: { label: string; busy: boolean; onDecide: (approve: boolean, reason: string) => void }) {
  const [reason, setReason] = createSignal('');
  return (
    <div class="stack">
      <TextField label={`${t('sharing.reason')}: ${props.label}`} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      <div>
        <Button
          variant="primary"
          busy={props.busy}
          aria-label={`${t('sharing.approve')}: ${props.label}`}
          onClick={() => props.onDecide(true, reason())}
        >
          {t('sharing.approve')}
        </Button>{' '}
        <Button
          variant="secondary"
          busy={props.busy}
          aria-label={`${t('sharing.reject')}: ${props.label}`}
          onClick={() => props.onDecide(false, reason())}
        >
          {t('sharing.reject')}
        </Button>
      </div>
    </div>
  );
}
