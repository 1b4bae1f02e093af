// For the FG on every page while a breach clock runs (art. 22): the deadlines, in words, with a
// link to the register. Overdue is said in text, not by colour only.
import { A, useLocation } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDateTime, t } from '../../i18n';

export default function BreachBanner() {
  const location = useLocation();
  const [clocks] = createResource(
    () => (hasRole('privacy') ? location.pathname : false),
    () => api.breaches.clocks.query(),
  );
  return (
    <Show when={clocks() && clocks()!.running + clocks()!.overdue > 0}>
      <div class="notice breach-banner" classList={{ 'breach-banner--overdue': clocks()!.overdue > 0 }} role="note">
        <strong>
          {t('breaches.banner', { running: clocks()!.running, overdue: clocks()!.overdue, next: formatDateTime(clocks()!.nextDeadline) })}
        </strong>{' '}
        <A class="utrecht-link" href="/privacy/datalekken">
          {t('breaches.bannerLink')}
        </A>
      </div>
    </Show>
  );
}
