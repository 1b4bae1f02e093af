// Every page and the main navigation, by role. Domains add their pages and nav items here.
import type { RouteDefinition } from '@solidjs/router';
import type { Role } from './lib/session';
import type { TextKey } from './i18n';
import { page } from './lib/page';

export const routes: RouteDefinition[] = [
  { path: '/', component: page(() => import('./pages/home/Home')) },
  { path: '/casussen', component: page(() => import('./pages/cases/CaseList')) },
  { path: '/casussen/nieuw', component: page(() => import('./pages/cases/NewCase')) },
  { path: '/casussen/:id', component: page(() => import('./pages/cases/CaseDetail')) },
  { path: '/mijn-taken', component: page(() => import('./pages/tasks/MyTasks')) },
  { path: '/taken', component: page(() => import('./pages/tasks/TaskOverview')) },
  { path: '/overleggen', component: page(() => import('./pages/meetings/MeetingList')) },
  { path: '/overleggen/:id', component: page(() => import('./pages/meetings/MeetingPage')) },
  { path: '/overleggen/:id/voorzitten', component: page(() => import('./pages/meetings/ChairMode')) },
  { path: '/overleggen/:id/live', component: page(() => import('./pages/meetings/LiveView')) },
  { path: '/team', component: page(() => import('./pages/team/Team')) },
  { path: '/team/convenant', component: page(() => import('./pages/team/Covenant')) },
  { path: '/profiel', component: page(() => import('./pages/team/Profile')) },
  { path: '/rapportage', component: page(() => import('./pages/reports/Reports')) },
  { path: '/controles', component: page(() => import('./pages/controls/ControlList')) },
  { path: '/controles/nieuw', component: page(() => import('./pages/controls/PlanControl')) },
  { path: '/controles/:id', component: page(() => import('./pages/controls/ControlDetail')) },
  { path: '/controles/:id/wijzigen', component: page(() => import('./pages/controls/PlanControl')) },
  { path: '/escalaties', component: page(() => import('./pages/escalations/Escalations')) },
  { path: '/overleggen/:id/verslag', component: page(() => import('./pages/meetings/Minutes')) },
  { path: '/logboek', component: page(() => import('./pages/privacy/AuditLog')) },
  { path: '/privacy', component: page(() => import('./pages/privacy/Workspace')) },
  { path: '/privacy/bewaartermijnen', component: page(() => import('./pages/privacy/Retention')) },
  { path: '/privacy/datalekken', component: page(() => import('./pages/privacy/Breaches')) },
  { path: '/datalek-melden', component: page(() => import('./pages/privacy/ReportBreach')) },
  { path: '/privacy/verzoeken', component: page(() => import('./pages/privacy/Requests')) },
  { path: '/privacy/verzoeken/:id', component: page(() => import('./pages/privacy/RequestDetail')) },
  { path: '/privacy/informatieplicht', component: page(() => import('./pages/privacy/NotInformed')) },
  { path: '/privacy/correcties', component: page(() => import('./pages/privacy/Corrections')) },
  { path: '/privacy/inzageverzoeken', component: page(() => import('./pages/privacy/AccessRequests')) },
];

export type NavItem = { href: string; label: TextKey; roles: Role[]; end?: boolean };

export const navItems: NavItem[] = [
  { href: '/', label: 'nav.home', roles: ['coordinator', 'member', 'privacy', 'admin', 'viewer'], end: true },
  { href: '/overleggen', label: 'nav.meetings', roles: ['coordinator', 'member'] },
  { href: '/casussen', label: 'nav.cases', roles: ['coordinator', 'member', 'privacy'] },
  { href: '/mijn-taken', label: 'nav.myTasks', roles: ['member'] },
  { href: '/taken', label: 'nav.tasks', roles: ['coordinator'] },
  { href: '/controles', label: 'nav.controls', roles: ['coordinator', 'member', 'privacy'] },
  { href: '/escalaties', label: 'nav.escalations', roles: ['coordinator', 'member', 'privacy'] },
  { href: '/rapportage', label: 'nav.reports', roles: ['coordinator', 'member', 'privacy', 'admin', 'viewer'] },
  { href: '/privacy', label: 'nav.privacy', roles: ['privacy'] },
  { href: '/logboek', label: 'nav.auditLog', roles: ['privacy'] },
  { href: '/team', label: 'nav.team', roles: ['coordinator', 'member', 'privacy', 'admin', 'viewer'] },
];
