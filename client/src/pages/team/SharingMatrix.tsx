// P2: the sharing matrix of the covenant (art. 20.3–20.7) as team configuration. The coordinator
// reads it; the functioneel beheerder changes it within the covenant's hard limits (the server
// refuses anything wider and clamps every read to them); only the allowed choices are offered.
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { categoryLabel, kindLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Alert } from '../../components/Form';

const kinds = ['gemeente', 'politie', 'veiligheidsregio', 'sociale_dienst', 'belastingen', 'overig'] as const;
const categories = ['naw', 'geboortedatum', 'bsn', 'telefoon', 'kenteken', 'naleving'] as const;
type Audience = 'all' | 'gemeenten' | '';

export default function SharingMatrix() {
  const [rules, { refetch }] = createResource(() => api.sharing.matrix.query());
  const [limits] = createResource(() => api.sharing.limits.query());
  /** The audiences the covenant allows for a cell (empty: this kind may not provide the category). */
  const allowed = (kind: string, category: string): string[] =>
    limits()?.find((l) => l.sourceKind === kind)?.categories.find((c) => c.category === category)?.audiences ?? [];
  const audience = (kind: string, category: string): Audience =>
    (rules() ?? []).find((r) => r.sourceKind === kind && r.category === category)?.audience ?? '';
  const label = (a: Audience) => (a === 'all' ? t('sharing.all') : a === 'gemeenten' ? t('sharing.gemeenten') : t('sharing.none'));
  const change = createAction(async (kind: (typeof kinds)[number], category: (typeof categories)[number], value: Audience) => {
    await api.sharing.set.mutate({ sourceKind: kind, category, audience: value === '' ? null : value });
    await refetch();
  });
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('sharing.title')}</h2>
      <p class="utrecht-paragraph">{t('sharing.intro')}</p>
      <p class="utrecht-paragraph">{t('sharing.limits')}</p>
      <Show when={change.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('sharing.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('sharing.source')}</th>
              <For each={categories}>{(c) => <th class="utrecht-table__header-cell" scope="col">{categoryLabel(c)}</th>}</For>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For each={kinds}>
              {(kind) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{kindLabel(kind)}</th>
                  <For each={categories}>
                    {(category) => (
                      <td class="utrecht-table__cell">
                        <Show when={hasRole('admin') && allowed(kind, category).length > 0} fallback={label(audience(kind, category))}>
                          <select class="utrecht-select utrecht-select--html-select" aria-label={`${kindLabel(kind)} — ${categoryLabel(category)}`}
                            value={audience(kind, category)} onChange={(e) => void change.run(kind, category, e.currentTarget.value as Audience)}>
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
    </section>
  );
}
