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
import { DataTable, type Column } from '../../components/DataTable';
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
      <DataTable
        caption={t('sharing.caption')}
        rows={kinds}
        empty={t('app.none')}
        columns={[
          { header: t('sharing.source'), rowHeader: true, cell: (kind) => kindLabel(kind) },
          ...categories.map((category): Column<Kind> => ({
            header: categoryLabel(category),
            cell: (kind) => (
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
            ),
          })),
        ]}
      />

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

      <DataTable
        caption={t('sharing.history')}
        testId="sharing-history"
        resource={history}
        empty={t('app.none')}
        columns={[
          { header: t('sharing.addendumRef'), rowHeader: true, cell: (p) => p.addendumRef },
          {
            header: t('sharing.changes'),
            cell: (p) => (
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
            ),
          },
          {
            header: t('sharing.proposedBy'),
            cell: (p) => (
              <>
                {p.proposedBy ?? '—'}
                {' · '}
                {formatDateTime(p.proposedAt)}
              </>
            ),
          },
          {
            header: t('sharing.decision'),
            cell: (p) => (
              <>
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
              </>
            ),
          },
        ]}
      />
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
