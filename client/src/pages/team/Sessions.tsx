// The user's own active sessions, and "end all other sessions" (issue 8 item 16).
import { createResource, createSignal, Show } from 'solid-js';
import { DataTable } from '../../components/DataTable';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, t } from '../../i18n';
import { Alert, Button } from '../../components/Form';

export default function Sessions() {
  const [list, { refetch }] = createResource(() => api.sessions.list.query());
  const [ended, setEnded] = createSignal<number | null>(null);
  const endOthers = createAction(async () => {
    const result = await api.sessions.endOthers.mutate();
    setEnded(result.ended);
    await refetch();
  });
  return (
    <div class="card stack">
      <DataTable
        caption={t('sessions.title')}
        resource={list}
        empty={t('app.none')}
        rowTestId="session-row"
        columns={[
          { header: t('sessions.started'), cell: (s) => formatDateTime(s.createdAt) },
          { header: t('sessions.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt) },
          { header: t('sessions.expires'), cell: (s) => formatDateTime(s.expiresAt) },
          {
            header: t('sessions.current'),
            hideHeader: true,
            cell: (s) => (s.current ? <strong>{t('sessions.current')}</strong> : t('sessions.other')),
          },
        ]}
      />
      <Show when={endOthers.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={ended() !== null}>
        <Alert kind="ok">{t('sessions.ended', { count: ended() ?? 0 })}</Alert>
      </Show>
      <div>
        <Button busy={endOthers.busy()} onClick={() => void endOthers.run()}>
          {t('sessions.endOthers')}
        </Button>
      </div>
    </div>
  );
}
