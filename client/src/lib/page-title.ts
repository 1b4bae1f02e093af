// The browser tab's title per route (WCAG 2.4.2): "<page> — Overleg", in the chosen language.
// The first pattern that matches wins, so the specific routes come before their parents.
import { t, type TextKey } from '../i18n';

const titles: [RegExp, TextKey][] = [
  [/^\/$/, 'nav.home'],
  [/^\/inloggen$/, 'login.submit'],
  [/^\/casussen$/, 'nav.cases'],
  [/^\/casussen\/nieuw$/, 'cases.new.title'],
  [/^\/casussen\/[^/]+$/, 'title.case'],
  [/^\/mijn-taken$/, 'nav.myTasks'],
  [/^\/taken$/, 'nav.tasks'],
  [/^\/overleggen$/, 'nav.meetings'],
  [/^\/overleggen\/[^/]+\/voorzitten$/, 'chair.title'],
  [/^\/overleggen\/[^/]+\/live$/, 'title.live'],
  [/^\/overleggen\/[^/]+\/verslag$/, 'title.minutes'],
  [/^\/overleggen\/[^/]+$/, 'title.meeting'],
  [/^\/team$/, 'nav.team'],
  [/^\/profiel$/, 'nav.profile'],
  [/^\/rapportage$/, 'nav.reports'],
  [/^\/controles$/, 'nav.controls'],
  [/^\/controles\/nieuw$/, 'controls.plan'],
  [/^\/controles\/[^/]+\/wijzigen$/, 'title.editControl'],
  [/^\/controles\/[^/]+$/, 'title.control'],
  [/^\/escalaties$/, 'nav.escalations'],
  [/^\/logboek$/, 'nav.auditLog'],
  [/^\/privacy$/, 'privacy.workspace.title'],
  [/^\/privacy\/bewaartermijnen$/, 'retention.title'],
  [/^\/privacy\/datalekken$/, 'breaches.title'],
  [/^\/datalek-melden$/, 'breaches.report'],
  [/^\/privacy\/verzoeken$/, 'fg.requests.title'],
  [/^\/privacy\/verzoeken\/[^/]+$/, 'fg.request.title'],
  [/^\/privacy\/informatieplicht$/, 'fg.informing.title'],
  [/^\/privacy\/correcties$/, 'fg.corrections.title'],
  [/^\/privacy\/inzageverzoeken$/, 'fg.access.title'],
];

export function pageTitle(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const key = titles.find(([pattern]) => pattern.test(path))?.[1] ?? 'title.notFound';
  return `${t(key)} — ${t('app.name')}`;
}
