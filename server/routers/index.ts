import { router } from '../trpc';
import { authRouter } from './auth';
import { partnersRouter } from './partners';
import { teamRouter, usersRouter } from './team';
import { subjectsRouter } from './subjects';
import { sharingRouter } from './sharing';
import { casesRouter } from './cases';
import { agreementsRouter } from './agreements';
import { tasksRouter } from './tasks';
import { controlsRouter } from './controls';
import { escalationsRouter } from './escalations';
import { reportsRouter } from './reports';
import { dashboardRouter } from './dashboard';
import { minutesRouter } from './minutes';
import { meetingsRouter } from './meetings';
import { agendaRouter } from './agenda';
import { attendanceRouter } from './attendance';
import { auditRouter } from './audit';
import { sessionsRouter, twoFactorRouter } from './two-factor';
import { securityRouter } from './security';
import { retentionRouter } from './retention';
import { breachesRouter } from './breaches';
import { covenantsRouter } from './covenants';
import { dsrRouter } from './dsr';
import { accessRouter, correctionsRouter, noticesRouter } from './notices';

// Only composition here: each domain has its own router file.
export const appRouter = router({
  auth: authRouter,
  partners: partnersRouter,
  team: teamRouter,
  users: usersRouter,
  subjects: subjectsRouter,
  sharing: sharingRouter,
  cases: casesRouter,
  agreements: agreementsRouter,
  tasks: tasksRouter,
  controls: controlsRouter,
  escalations: escalationsRouter,
  reports: reportsRouter,
  dashboard: dashboardRouter,
  minutes: minutesRouter,
  meetings: meetingsRouter,
  agenda: agendaRouter,
  attendance: attendanceRouter,
  audit: auditRouter,
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  security: securityRouter,
  retention: retentionRouter,
  breaches: breachesRouter,
  covenants: covenantsRouter,
  dsr: dsrRouter,
  notices: noticesRouter,
  corrections: correctionsRouter,
  access: accessRouter,
});

export type AppRouter = typeof appRouter;
