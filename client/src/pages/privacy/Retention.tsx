// Bewaartermijnen (art. 25, P8): what is past its period, the destruction list the FG approves
// or rejects, and the past runs.
import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, formatDay, t, type TextKey } from '../../i18n';
import { Alert, Button, Status, TextAreaField } from '../../components/Form';
import { DataTable } from '../../components/DataTable';
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
      <DataTable
        caption={t('retention.historyCaption')}
        rows={lists()?.filter((l) => l.status !== 'open')}
        empty={t('retention.noHistory')}
        columns={[
          { header: t('retention.drawnOn'), cell: (l) => formatDateTime(l.createdAt) },
          { header: t('retention.case'), cell: (l) => l.entries.map((e) => e.code).join(', ') },
          {
            header: t('retention.status'),
            cell: (l) => (
              <>
                <Status tone={l.status === 'approved' ? 'ok' : 'neutral'}>{t(`retention.status.${l.status}` as TextKey)}</Status>
                <Show when={l.decidedAt}>
                  {' '}
                  <span class="muted">
                    {l.decidedBy} · {formatDateTime(l.decidedAt)}
                  </span>
                </Show>
              </>
            ),
          },
          {
            header: t('retention.result'),
            cell: (l) =>
              l.status === 'approved'
                ? t('retention.resultText', { items: l.erasedItems ?? 0, cases: l.erasedCases ?? 0 })
                : (l.rejectReason ?? ''),
          },
        ]}
      />
    </section>
  );
}

type Entry = { caseId: number; code: string; dueSince: string; scope?: 'case' | 'police' };

function EntryTable(props: { caption: string; entries: Entry[]; loading?: boolean }) {
  return (
    <DataTable
      caption={props.caption}
      rows={props.entries}
      empty={props.loading ? t('app.loading') : t('retention.none')}
      columns={[
        {
          header: t('retention.case'),
          cell: (e) => (
            <A class="utrecht-link" href={`/casussen/${e.caseId}`}>
              {e.code}
            </A>
          ),
        },
        {
          header: t('retention.dueSince'),
          cell: (e) => <span class="overdue">{t('retention.overdueSince', { date: formatDay(e.dueSince) })}</span>,
        },
        props.entries.some((e) => e.scope) && {
          header: t('retention.scope'),
          cell: (e) => (e.scope ? t(`retention.scope.${e.scope}` as TextKey) : ''),
        },
      ]}
    />
  );
}
