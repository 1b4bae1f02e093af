// Bewaartermijnen (art. 25, P8): what is past its period, the destruction list the FG approves
// or rejects, and the past runs.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, formatDay, t, type TextKey } from '../../i18n';
import { Alert, Button, Status, TextAreaField } from '../../components/Form';
import { LoadError } from '../../components/ResourceError';

export default function Retention() {
  const [preview, { refetch: refetchPreview }] = createResource(() => api.retention.preview.query());
  const [lists, { refetch: refetchLists }] = createResource(() => api.retention.lists.query());
  const [done, setDone] = createSignal<string | null>(null);
  const [reason, setReason] = createSignal('');
  const refresh = () => {
    void refetchPreview();
    void refetchLists();
  };
  const open = () => lists()?.find((l) => l.status === 'open');
  const run = createAction(async () => {
    setDone(null);
    await api.retention.run.mutate();
    refresh();
  });
  const approve = createAction(async (listId: number, n: number) => {
    if (!window.confirm(t('retention.confirmApprove', { n }))) return;
    const r = await api.retention.approve.mutate({ listId });
    setDone(t('retention.approved', { items: r.items, cases: r.cases }));
    refresh();
  });
  const reject = createAction(async (listId: number) => {
    await api.retention.reject.mutate({ listId, reason: reason() });
    setReason('');
    refresh();
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('retention.title')}
      </h1>
      <p class="utrecht-paragraph">{t('retention.intro')}</p>
      <Show when={done()}>
        <Alert kind="ok">{done()}</Alert>
      </Show>

      <h2 class="utrecht-heading-2">{t('retention.openList')}</h2>
      <div class="row">
        <Button onClick={() => void run.run()} busy={run.busy()}>
          {t('retention.runNow')}
        </Button>
      </div>
      <Show when={run.error()}>
        <Alert kind="error">{run.error()}</Alert>
      </Show>
      <Show when={open()} fallback={<p class="utrecht-paragraph">{t('retention.noOpenList')}</p>}>
        {(list) => (
          <div class="card stack">
            <p class="utrecht-paragraph">{t('retention.openListIntro', { date: formatDateTime(list().createdAt) })}</p>
            <EntryTable caption={t('retention.openList')} entries={list().entries} />
            <div class="row">
              <Button variant="danger" busy={approve.busy()} onClick={() => void approve.run(list().id, list().entries.length)}>
                {t('retention.approve')}
              </Button>
            </div>
            <Show when={approve.error()}>
              <Alert kind="error">{approve.error()}</Alert>
            </Show>
            <form
              class="stack"
              onSubmit={(e) => {
                e.preventDefault();
                void reject.run(list().id);
              }}
            >
              <TextAreaField
                label={t('retention.rejectReason')}
                description={t('retention.rejectHint')}
                required
                rows={2}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
                error={reject.field('reason')}
              />
              <Show when={reject.error()}>
                <Alert kind="error">{reject.error()}</Alert>
              </Show>
              <div class="row">
                <Button type="submit" busy={reject.busy()}>
                  {t('retention.reject')}
                </Button>
              </div>
            </form>
          </div>
        )}
      </Show>

      <h2 class="utrecht-heading-2">{t('retention.due')}</h2>
      <Show when={preview.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <EntryTable caption={t('retention.dueCaption', { n: preview()?.length ?? 0 })} entries={preview() ?? []} loading={preview.loading} />

      <h2 class="utrecht-heading-2">{t('retention.history')}</h2>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('retention.historyCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('retention.drawnOn')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('retention.case')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('retention.status')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('retention.result')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For
              each={lists()?.filter((l) => l.status !== 'open')}
              fallback={
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell" colSpan={4}>
                    {t('retention.noHistory')}
                  </td>
                </tr>
              }
            >
              {(l) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDateTime(l.createdAt)}</td>
                  <td class="utrecht-table__cell">{l.entries.map((e) => e.code).join(', ')}</td>
                  <td class="utrecht-table__cell">
                    <Status tone={l.status === 'approved' ? 'ok' : 'neutral'}>{t(`retention.status.${l.status}` as TextKey)}</Status>
                    <Show when={l.decidedAt}>
                      {' '}
                      <span class="muted">
                        {l.decidedBy} · {formatDateTime(l.decidedAt)}
                      </span>
                    </Show>
                  </td>
                  <td class="utrecht-table__cell">
                    {l.status === 'approved'
                      ? t('retention.resultText', { items: l.erasedItems ?? 0, cases: l.erasedCases ?? 0 })
                      : (l.rejectReason ?? '')}
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

type Entry = { caseId: number; code: string; dueSince: string; scope?: 'case' | 'police' };

function EntryTable(props: { caption: string; entries: Entry[]; loading?: boolean }) {
  return (
    <div class="table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('retention.case')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('retention.dueSince')}
            </th>
            <Show when={props.entries.some((e) => e.scope)}>
              <th class="utrecht-table__header-cell" scope="col">
                {t('retention.scope')}
              </th>
            </Show>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For
            each={props.entries}
            fallback={
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell" colSpan={3}>
                  {props.loading ? t('app.loading') : t('retention.none')}
                </td>
              </tr>
            }
          >
            {(e) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <A class="utrecht-link" href={`/casussen/${e.caseId}`}>
                    {e.code}
                  </A>
                </td>
                <td class="utrecht-table__cell">
                  <span class="overdue">{t('retention.overdueSince', { date: formatDay(e.dueSince) })}</span>
                </td>
                <Show when={e.scope}>
                  <td class="utrecht-table__cell">{t(`retention.scope.${e.scope}` as TextKey)}</td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
