// The FG's workspace (issue 11, SPEC §4): what needs the FG's attention first, then the parts of
// the privacy regime — requests, corrections, retention, breaches, the audit log.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { LoadError } from '../../components/ResourceError';
import { privacySections } from './sections';
import RetentionPanel from './RetentionPanel';
import MassReadSettings from './MassReadSettings';

/** Data-subject requests past or near their deadline (art. 24) and persons not yet informed (art. 26). */
function Attention() {
  const [requests] = createResource(
    () => hasRole('privacy'),
    () => api.dsr.list.query(),
  );
  const [notInformed] = createResource(
    () => hasRole('privacy', 'coordinator'),
    () => api.dsr.notInformed.query(),
  );
  const overdue = () => (requests() ?? []).filter((r) => r.overdue).length;
  const dueSoon = () => (requests() ?? []).filter((r) => r.dueSoon).length;
  const uninformed = () => notInformed()?.length ?? 0;
  return (
    <section class="stack" aria-labelledby="attention-heading">
      <h2 class="utrecht-heading-2" id="attention-heading">
        {t('fg.attention.title')}
      </h2>
      <Show when={(requests.error ?? notInformed.error) as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show when={!requests.loading && !notInformed.loading} fallback={<p>{t('app.loading')}</p>}>
        <Show when={overdue() + dueSoon() + uninformed() > 0} fallback={<p class="utrecht-paragraph">{t('fg.attention.none')}</p>}>
          <ul class="section-list">
            <Show when={overdue() > 0}>
              <li>
                <A class="utrecht-link" href="/privacy/verzoeken">
                  <strong>{t('fg.attention.overdue', { n: overdue() })}</strong>
                </A>
              </li>
            </Show>
            <Show when={dueSoon() > 0}>
              <li>
                <A class="utrecht-link" href="/privacy/verzoeken">
                  {t('fg.attention.dueSoon', { n: dueSoon() })}
                </A>
              </li>
            </Show>
            <Show when={uninformed() > 0}>
              <li>
                <A class="utrecht-link" href="/privacy/informatieplicht">
                  {t('fg.attention.notInformed', { n: uninformed() })}
                </A>
              </li>
            </Show>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

export default function Workspace() {
  const sections = () => privacySections.filter((s) => hasRole(...s.roles));
  return (
    <>
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('privacy.workspace.title')}
      </h1>
      <p class="utrecht-paragraph">{t('privacy.workspace.intro')}</p>
      <Attention />
      <RetentionPanel />
      <h2 class="utrecht-heading-2">{t('fg.sections.title')}</h2>
      <ul class="section-list">
        <For each={sections()}>
          {(s) => (
            <li>
              <A href={s.href}>{t(s.label)}</A> — {t(s.intro)}
            </li>
          )}
        </For>
      </ul>
      <MassReadSettings />
    </>
  );
}
