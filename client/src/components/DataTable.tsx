// The one table of the client (issue 12): caption, column headers with scope, an optional row
// header, a row that says "loading" or "nothing here" instead of an empty body, and a scroll area
// that keyboard users can reach (WCAG 2.1.1) and screen readers announce by the caption.
import { createUniqueId, For, Show, type Accessor, type JSX, type Resource } from 'solid-js';
import { t } from '../i18n';
import { LoadError } from './ResourceError';

export type Column<T> = {
  header: JSX.Element;
  cell: (row: T, index: Accessor<number>) => JSX.Element;
  /** This column names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Shown only visually hidden (an actions column still needs a name for screen readers). */
  hideHeader?: boolean;
  /** This row's cell spans this many columns (the next ones are left out), e.g. "not given yet". */
  span?: (row: T) => number;
  class?: string;
};

type Props<T> = {
  caption: JSX.Element;
  /** The caption is for screen readers only (a visible heading already says it). */
  hideCaption?: boolean;
  columns: (Column<T> | false | null | undefined)[];
  /** Rows, or a resource whose loading and error states the table shows in place. */
  rows?: readonly T[] | undefined;
  resource?: Resource<readonly T[] | undefined>;
  empty: string;
  class?: string;
  rowTestId?: string;
  rowClass?: (row: T) => string | undefined;
  /** `data-*` attributes of a row (what a row is, for styling and tests), e.g. `{ 'data-action': … }`. */
  rowData?: (row: T) => Record<`data-${string}`, string | undefined>;
  testId?: string;
};

const th = 'utrecht-table__header-cell';
const td = 'utrecht-table__cell';
const cls = (base: string, c: { class?: string | undefined }) => (c.class ? `${base} ${c.class}` : base);

export function DataTable<T>(props: Props<T>) {
  const id = createUniqueId();
  const columns = () => props.columns.filter((c): c is Column<T> => Boolean(c));
  const failed = (): unknown => (props.resource ? (props.resource.error as unknown) : undefined);
  const rows = () => (props.resource ? (failed() ? undefined : props.resource()) : props.rows);
  const loading = () => Boolean(props.resource?.loading) && !rows();
  return (
    <>
      <Show when={failed()}>{(error) => <LoadError error={error()} />}</Show>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex="0">
        <table class={`utrecht-table ${props.class ?? ''}`} data-testid={props.testId}>
          <caption id={`${id}-caption`} class="utrecht-table__caption" classList={{ 'visually-hidden': Boolean(props.hideCaption) }}>
            {props.caption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <For each={columns()}>
                {(c) => (
                  <th class={cls(th, c)} scope="col">
                    <Show when={c.hideHeader} fallback={c.header}>
                      <span class="visually-hidden">{c.header}</span>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For
              each={rows()}
              fallback={
                <tr class="utrecht-table__row">
                  <td class={td} colSpan={columns().length}>
                    {loading() ? t('app.loading') : failed() ? '' : props.empty}
                  </td>
                </tr>
              }
            >
              {(row, index) => {
                // The columns this row shows: a spanning cell takes the place of the ones it covers.
                const cells = () => {
                  const shown: { column: Column<T>; span: number }[] = [];
                  let covered = 0;
                  for (const column of columns()) {
                    if (covered > 0) {
                      covered--;
                      continue;
                    }
                    const span = Math.max(1, column.span?.(row) ?? 1);
                    covered = span - 1;
                    shown.push({ column, span });
                  }
                  return shown;
                };
                return (
                  <tr class={`utrecht-table__row ${props.rowClass?.(row) ?? ''}`} data-testid={props.rowTestId} {...props.rowData?.(row)}>
                    <For each={cells()}>
                      {(cell) => (
                        <Show
                          when={cell.column.rowHeader}
                          fallback={
                            <td class={cls(td, cell.column)} colSpan={cell.span > 1 ? cell.span : undefined}>
                              {cell.column.cell(row, index)}
                            </td>
                          }
                        >
                          <th class={cls(th, cell.column)} scope="row" colSpan={cell.span > 1 ? cell.span : undefined}>
                            {cell.column.cell(row, index)}
                          </th>
                        </Show>
                      )}
                    </For>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
