// On every page (issue 10 item 4): the covenant's expiry warning for coordinator, admin and FG
// (90, 30 and 7 days before the end without an approved successor), and the wind-down notice for
// everyone while no covenant is in force.
import { A, useLocation } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { api } from '../lib/trpc';
import { me } from '../lib/session';
import { formatDay, t } from '../i18n';

export default function CovenantBanner() {
  // Fetched again for each signed-in account and on every page change (a decision may end the wind-down).
  const location = useLocation();
  const [overview] = createResource(() => (me() ? `${me()!.id}:${location.pathname}` : false), () => api.covenants.overview.query().catch(() => null));
  return (
    <Show when={overview()}>
      {(o) => (
        <>
          <Show when={o().warning}>
            {(w) => (
              <div class="notice covenant-banner" role="note">
                {t('covenant.warning', { days: String(w().daysLeft), date: formatDay(w().endsOn, 'long') })}{' '}
                <A class="utrecht-link" href="/team/convenant">{t('covenant.warningLink')}</A>
              </div>
            )}
          </Show>
          <Show when={o().windDown}>
            <div class="notice covenant-banner" role="note">
              <strong>{t('covenant.windDownTitle')}</strong> {t('covenant.windDownText')}{' '}
              <A class="utrecht-link" href="/team/convenant">{t('covenant.warningLink')}</A>
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}
