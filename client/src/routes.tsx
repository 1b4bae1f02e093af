// Every page and the main navigation, by role. Domains add their pages and nav items here.
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import type { Role } from './lib/session';
import type { TextKey } from './i18n';
import Home from './pages/home/Home';

export const routes: RouteDefinition[] = [
  { path: '/', component: Home },
  { path: '/casussen', component: lazy(() => import('./pages/cases/CaseList')) },
  { path: '/casussen/nieuw', component: lazy(() => import('./pages/cases/NewCase')) },
  { path: '/casussen/:id', component: lazy(() => import('./pages/cases/CaseDetail')) },
  { path: '/mijn-taken', component: lazy(() => import('./pages/tasks/MyTasks')) },
  { path: '/taken', component: lazy(() => import('./pages/tasks/TaskOverview')) },
  { path: '/overleggen', component: lazy(() => import('./pages/meetings/MeetingList')) },
  { path: '/overleggen/:id', component: lazy(() => import('./pages/meetings/MeetingPage')) },
  { path: '/overleggen/:id/voorzitten', component: lazy(() => import('./pages/meetings/ChairMode')) },
  { path: '/overleggen/:id/live', component: lazy(() => import('./pages/meetings/LiveView')) },
  { path: '/team', component: lazy(() => import('./pages/team/Team')) },
  { path: '/team/convenant', component: lazy(() => import('./pages/team/Covenant')) },
  { path: '/profiel', component: lazy(() => import('./pages/team/Profile')) },
  { path: '/rapportage', component: lazy(() => import('./pages/reports/Reports')) },
  { path: '/controles', component: lazy(() => import('./pages/controls/ControlList')) },
  { path: '/controles/nieuw', component: lazy(() => import('./pages/controls/PlanControl')) },
  { path: '/controles/:id', component: lazy(() => import('./pages/controls/ControlDetail')) },
  { path: '/controles/:id/wijzigen', component: lazy(() => import('./pages/controls/PlanControl')) },
  { path: '/escalaties', component: lazy(() => import('./pages/escalations/Escalations')) },
  { path: '/overleggen/:id/verslag', component: lazy(() => import('./pages/meetings/Minutes')) },
  { path: '/logboek', component: lazy(() => import('./pages/privacy/AuditLog')) },
  { path: '/privacy', component: lazy(() => import('./pages/privacy/Workspace')) },
  { path: '/privacy/bewaartermijnen', component: lazy(() => import('./pages/privacy/Retention')) },
  { path: '/privacy/datalekken', component: lazy(() => import('./pages/privacy/Breaches')) },
  { path: '/datalek-melden', component: lazy(() => import('./pages/privacy/ReportBreach')) },
  { path: '/privacy/verzoeken', component: lazy(() => import('./pages/privacy/Requests')) },
  { path: '/privacy/verzoeken/:id', component: lazy(() => import('./pages/privacy/RequestDetail')) },
  { path: '/privacy/informatieplicht', component: lazy(() => import('./pages/privacy/NotInformed')) },
  { path: '/privacy/correcties', component: lazy(() => import('./pages/privacy/Corrections')) },
  { path: '/privacy/inzageverzoeken', component: lazy(() => import('./pages/privacy/AccessRequests')) },
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
