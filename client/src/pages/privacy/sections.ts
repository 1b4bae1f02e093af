// The FG's workspace (issue 11): one entry per part, shown as the workspace's table of contents.
// Each part is its own page under /privacy/…; add it here and in routes.tsx (one line each).
import type { Role } from '../../lib/session';
import type { TextKey } from '../../i18n';

export type PrivacySection = { href: string; label: TextKey; intro: TextKey; roles: Role[] };

export const privacySections: PrivacySection[] = [
  { href: '/privacy/verzoeken', label: 'fg.section.requests', intro: 'fg.section.requestsIntro', roles: ['privacy'] },
  {
    href: '/privacy/informatieplicht',
    label: 'fg.section.informing',
    intro: 'fg.section.informingIntro',
    roles: ['privacy', 'coordinator'],
  },
  { href: '/privacy/correcties', label: 'fg.section.corrections', intro: 'fg.section.correctionsIntro', roles: ['privacy'] },
  { href: '/privacy/inzageverzoeken', label: 'fg.section.access', intro: 'fg.section.accessIntro', roles: ['privacy'] },
  { href: '/logboek', label: 'nav.auditLog', intro: 'privacy.section.auditLog', roles: ['privacy'] },
  { href: '/privacy/bewaartermijnen', label: 'retention.title', intro: 'privacy.section.retention', roles: ['privacy'] },
  { href: '/privacy/datalekken', label: 'breaches.title', intro: 'privacy.section.breaches', roles: ['privacy'] },
];
