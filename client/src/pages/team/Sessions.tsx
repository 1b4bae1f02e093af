// The user's own active sessions, and "end all other sessions" (issue 8 item 16).
import { createResource, createSignal, For, Show } from 'solid-js';
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
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('sessions.title')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('sessions.started')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('sessions.lastSeen')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('sessions.expires')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                <span class="visually-hidden">{t('sessions.current')}</span>
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For each={list()}>
              {(s) => (
                <tr class="utrecht-table__row" data-testid="session-row">
                  <td class="utrecht-table__cell">{formatDateTime(s.createdAt)}</td>
                  <td class="utrecht-table__cell">{formatDateTime(s.lastSeenAt)}</td>
                  <td class="utrecht-table__cell">{formatDateTime(s.expiresAt)}</td>
                  <td class="utrecht-table__cell">{s.current ? <strong>{t('sessions.current')}</strong> : t('sessions.other')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
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
