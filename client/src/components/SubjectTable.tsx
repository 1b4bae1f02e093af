// One betrokkene as a table: category, value and the partner it came from. The server has already
// left out every item this reader may not see; the casus page and the verslag both show it so.
import { For, type JSX } from 'solid-js';
import { categoryLabel } from '../lib/labels';
import { t } from '../i18n';

export type SubjectRow = { category: string; source: string; police?: boolean; value: () => JSX.Element };

export function SubjectTable(props: { kind: 'person' | 'company'; n: number; rows: SubjectRow[]; rowTestId?: string }) {
  return (
    <div class="table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          {t('subjects.subjectN', { kind: props.kind === 'person' ? t('subjects.person') : t('subjects.company'), n: props.n })}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('subjects.category')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('subjects.value')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('subjects.source')}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For each={props.rows}>
            {(row) => (
              <tr class="utrecht-table__row" classList={{ 'item-police': Boolean(row.police) }} data-testid={props.rowTestId ?? 'item'}>
                <th class="utrecht-table__header-cell" scope="row">
                  {categoryLabel(row.category)}
                </th>
                <td class="utrecht-table__cell">{row.value()}</td>
                <td class="utrecht-table__cell">{row.source}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
