// What changed on a task or werkafspraak (issue 9.3): the latest change in a line, all of them
// on request. The assignee partner reads it in Mijn taken; the coordinator on the casus page.
import { For, Show } from 'solid-js';
import { formatDateTime, formatDay, t, type TextKey } from '../i18n';

type FieldChange = { from: string | number | null; to: string | number | null };
export type WorkChange = { at: string; kind: string; actor: string | null; reason: string | null; changes: Record<string, FieldChange> };

const fieldValue = (field: string, value: string | number | null) =>
  value === null
    ? '—'
    : field === 'dueDate'
      ? formatDay(String(value))
      : field === 'status'
        ? t(`task.status.${value}` as TextKey)
        : String(value);

export function describeChange(c: WorkChange): string {
  const fields = Object.entries(c.changes)
    .filter(([field]) => field !== 'status' && field !== 'assigneeUserId')
    .map(([field, v]) =>
      t('changes.field', { field: t(`changes.field.${field}` as TextKey), from: fieldValue(field, v.from), to: fieldValue(field, v.to) }),
    );
  const parts = [t(`changes.kind.${c.kind}` as TextKey), ...fields];
  if (c.reason) parts.push(t('changes.reason', { reason: c.reason }));
  return `${formatDateTime(c.at)} — ${parts.join('; ')}${c.actor ? ` (${c.actor})` : ''}`;
}

export function ChangeLog(props: { changes: WorkChange[] }) {
  const latest = () => props.changes.at(-1);
  return (
    <Show when={latest()}>
      {(last) => (
        <div class="change-log" data-testid="change-log">
          <p class="utrecht-paragraph muted">
            {t('changes.latest')}: {describeChange(last())}
          </p>
          <Show when={props.changes.length > 1}>
            <details>
              <summary>{t('changes.all', { n: props.changes.length })}</summary>
              <ol class="utrecht-ordered-list">
                <For each={props.changes}>{(c) => <li>{describeChange(c)}</li>}</For>
              </ol>
            </details>
          </Show>
        </div>
      )}
    </Show>
  );
}
