// On every page (issue 10 item 4): the covenant's expiry warning for coordinator, admin and FG
// (90, 30 and 7 days before the end without an approved successor), and the wind-down notice for
// everyone while no covenant is in force.
import { A } from '@solidjs/router';
import { createResource, onCleanup, onMount, Show } from 'solid-js';
import { api } from '../lib/trpc';
import { me } from '../lib/session';
import { covenantVersion } from '../lib/covenant-status';
import { formatDay, t } from '../i18n';

export default function CovenantBanner() {
  // Fetched once per signed-in account and team; again after a covenant mutation in this tab and
  // when the window regains focus (another person's decision may have ended the wind-down).
  const [overview, { refetch }] = createResource(
    () => (me() ? `${me()!.id}:${me()!.teamId}:${covenantVersion()}` : false),
    () => api.covenants.overview.query().catch(() => null),
  );
  const onFocus = () => {
    if (me()) void refetch();
  };
  onMount(() => window.addEventListener('focus', onFocus));
  onCleanup(() => window.removeEventListener('focus', onFocus));
  return (
    <Show when={overview()}>
      {(o) => (
        <>
          <Show when={o().warning}>
            {(w) => (
              <div class="notice covenant-banner" role="note">
                {t('covenant.warning', { days: String(w().daysLeft), date: formatDay(w().endsOn, 'long') })}{' '}
                <A class="utrecht-link" href="/team/convenant">
                  {t('covenant.warningLink')}
                </A>
              </div>
            )}
          </Show>
          <Show when={o().windDown}>
            <div class="notice covenant-banner" role="note">
              <strong>{t('covenant.windDownTitle')}</strong> {t('covenant.windDownText')}{' '}
              <A class="utrecht-link" href="/team/convenant">
                {t('covenant.warningLink')}
              </A>
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}
