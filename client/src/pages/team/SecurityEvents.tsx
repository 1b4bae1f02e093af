// The administrator's security overview (issue 8, items 5 and 8): locked accounts with the unlock,
// and the aggregated failed and refused logins of the team and of the whole installation.
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, hasText, t } from '../../i18n';
import { Alert, Button } from '../../components/Form';

export default function SecurityEvents() {
  const [locked, { refetch: refetchLocked }] = createResource(() => api.security.lockedAccounts.query());
  const [events, { refetch: refetchEvents }] = createResource(() => api.security.events.query());
  const [unlocked, setUnlocked] = createSignal<string | null>(null);
  const unlock = createAction(async (userId: number, name: string) => {
    await api.security.unlock.mutate({ userId });
    setUnlocked(name);
    await Promise.all([refetchLocked(), refetchEvents()]);
  });
  const kindLabel = (kind: string) => {
    const key = `security.kind.${kind}`;
    return hasText(key) ? t(key) : kind;
  };
  return (
    <section class="card stack" aria-labelledby="security-title">
      <h2 class="utrecht-heading-2" id="security-title">
        {t('security.title')}
      </h2>
      <Show when={unlock.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={unlocked()}>{(n) => <Alert kind="ok">{t('security.unlocked', { name: n() })}</Alert>}</Show>
      <h3 class="utrecht-heading-3">{t('security.locked')}</h3>
      <Show when={(locked() ?? []).length > 0} fallback={<p class="utrecht-paragraph">{t('security.noneLocked')}</p>}>
        <ul class="utrecht-unordered-list" data-testid="locked-accounts">
          <For each={locked()}>
            {(account) => (
              <li class="utrecht-unordered-list__item">
                {account.name} ({account.email}) — {t('security.lockedAt')} {formatDateTime(account.lockedAt)},{' '}
                {t('security.until').toLowerCase()} {formatDateTime(account.until)}{' '}
                <Button
                  variant="subtle"
                  busy={unlock.busy()}
                  aria-label={`${t('security.unlock')}: ${account.name}`}
                  onClick={() => void unlock.run(account.userId, account.name)}
                >
                  {t('security.unlock')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="utrecht-paragraph">{t('security.intro')}</p>
      <Show when={(events() ?? []).length > 0} fallback={<p class="utrecht-paragraph">{t('security.noEvents')}</p>}>
        <div class="table-wrap">
          <table class="utrecht-table" data-testid="security-events">
            <caption class="utrecht-table__caption">{t('security.events')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('security.when')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('security.what')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('security.account')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('security.address')}
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('security.count')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={events()}>
                {(event) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{formatDateTime(event.lastAt)}</td>
                    <td class="utrecht-table__cell">{kindLabel(event.kind)}</td>
                    <td class="utrecht-table__cell">{event.accountName ?? (event.installationWide ? t('security.unknownAccount') : '')}</td>
                    <td class="utrecht-table__cell">{event.ip}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{event.count}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
