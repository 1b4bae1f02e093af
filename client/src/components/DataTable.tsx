// The one table of the client (issue 12): caption, column headers with scope, an optional row
// header, a row that says "loading" or "nothing here" instead of an empty body, and a scroll area
// that keyboard users can reach (WCAG 2.1.1) and screen readers announce by the caption. A total
// row goes in the foot (`footRows`), built from the same columns as the body.
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
  /** A class for this column's cell in one row (e.g. `overdue` when that row's date has passed). */
  cellClass?: (row: T) => string | undefined;
};

type Props<T> = {
  caption: JSX.Element;
  /** The caption is for screen readers only (a visible heading already says it). */
  hideCaption?: boolean;
  /** The scroll area's name where the caption says more than a name (default: the caption). */
  regionLabel?: string;
  columns: (Column<T> | false | null | undefined)[];
  /** Rows, or a resource whose loading and error states the table shows in place. */
  rows?: readonly T[] | undefined;
  resource?: Resource<readonly T[] | undefined>;
  /** Rows still on their way (for `rows` a page loads itself; a resource says so by itself). */
  loading?: boolean;
  /** Rows after the body, such as a total, in `<tfoot>` with the same columns. */
  footRows?: readonly T[] | undefined;
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
const cls = (base: string, ...extra: (string | undefined)[]) => [base, ...extra.filter(Boolean)].join(' ');

export function DataTable<T>(props: Props<T>) {
  const id = createUniqueId();
  const columns = () => props.columns.filter((c): c is Column<T> => Boolean(c));
  const failed = (): unknown => (props.resource ? (props.resource.error as unknown) : undefined);
  const rows = () => (props.resource ? (failed() ? undefined : props.resource()) : props.rows);
  const loading = () => (Boolean(props.resource?.loading) && !rows()) || Boolean(props.loading);
  return (
    <>
      <Show when={failed()}>{(error) => <LoadError error={error()} />}</Show>
      <div
        class="table-wrap"
        role="region"
        aria-label={props.regionLabel}
        aria-labelledby={props.regionLabel ? undefined : `${id}-caption`}
        tabindex="0"
      >
        <table class={`utrecht-table ${props.class ?? ''}`} data-testid={props.testId}>
          <caption id={`${id}-caption`} class="utrecht-table__caption" classList={{ 'visually-hidden': Boolean(props.hideCaption) }}>
            {props.caption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <For each={columns()}>
                {(c) => (
                  <th class={cls(th, c.class)} scope="col">
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
              {(row, index) => (
                <Row
                  row={row}
                  index={index}
                  columns={columns()}
                  rowClass={props.rowClass}
                  rowData={props.rowData}
                  testId={props.rowTestId}
                />
              )}
            </For>
          </tbody>
          <Show when={props.footRows?.length}>
            <tfoot class="utrecht-table__footer">
              <For each={props.footRows}>
                {(row, index) => <Row row={row} index={index} columns={columns()} rowClass={props.rowClass} />}
              </For>
            </tfoot>
          </Show>
        </table>
      </div>
    </>
  );
}

function Row<T>(props: {
  row: T;
  index: Accessor<number>;
  columns: Column<T>[];
  rowClass?: ((row: T) => string | undefined) | undefined;
  rowData?: ((row: T) => Record<`data-${string}`, string | undefined>) | undefined;
  testId?: string | undefined;
}) {
  // The columns this row shows: a spanning cell takes the place of the ones it covers.
  const cells = () => {
    const shown: { column: Column<T>; span: number }[] = [];
    let covered = 0;
    for (const column of props.columns) {
      if (covered > 0) {
        covered--;
        continue;
      }
      const span = Math.max(1, column.span?.(props.row) ?? 1);
      covered = span - 1;
      shown.push({ column, span });
    }
    return shown;
  };
  return (
    <tr class={cls('utrecht-table__row', props.rowClass?.(props.row))} data-testid={props.testId} {...props.rowData?.(props.row)}>
      <For each={cells()}>
        {({ column: c, span }) => (
          <Show
            when={c.rowHeader}
            fallback={
              <td class={cls(td, c.class, c.cellClass?.(props.row))} colSpan={span > 1 ? span : undefined}>
                {c.cell(props.row, props.index)}
              </td>
            }
          >
            <th class={cls(th, c.class, c.cellClass?.(props.row))} scope="row" colSpan={span > 1 ? span : undefined}>
              {c.cell(props.row, props.index)}
            </th>
          </Show>
        )}
      </For>
    </tr>
  );
}
