// The administrator's security overview (issue 8, items 5 and 8): locked accounts with the unlock,
// and the aggregated failed and refused logins of the team and of the whole installation.
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, hasText, t } from '../../i18n';
import { Alert, Button } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

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
        <DataTable
          caption={t('security.events')}
          testId="security-events"
          rows={events()}
          empty={t('security.noEvents')}
          columns={[
            { header: t('security.when'), cell: (event) => formatDateTime(event.lastAt) },
            { header: t('security.what'), cell: (event) => kindLabel(event.kind) },
            {
              header: t('security.account'),
              cell: (event) => event.accountName ?? (event.installationWide ? t('security.unknownAccount') : ''),
            },
            { header: t('security.address'), cell: (event) => event.ip },
            { header: t('security.count'), cell: (event) => event.count },
          ]}
        />
      </Show>
    </section>
  );
}
