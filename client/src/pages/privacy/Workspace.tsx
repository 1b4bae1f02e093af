// The FG's workspace (issue 11, SPEC §4): what needs the FG's attention first, then the parts of
// the privacy regime — requests, corrections, retention, breaches, the audit log.
import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { t } from '../../i18n';
import { hasRole } from '../../lib/session';
import { privacySections } from './sections';
import RetentionPanel from './RetentionPanel';

export default function Workspace() {
  const sections = () => privacySections.filter((s) => hasRole(...s.roles));
  return (
    <>
      <h1 class="utrecht-heading-1" tabindex="-1">{t('privacy.workspace.title')}</h1>
      <p class="utrecht-paragraph">{t('privacy.workspace.intro')}</p>
      <RetentionPanel />
      <ul class="section-list">
        <For each={sections()}>{(s) => (
          <li><A href={s.href}>{t(s.label)}</A> — {t(s.intro)}</li>
        )}</For>
      </ul>
    </>
  );
}
