import { router } from '../trpc';
import { authRouter } from './auth';
import { partnersRouter } from './partners';
import { teamRouter, usersRouter } from './team';
import { subjectsRouter } from './subjects';
import { sharingRouter } from './sharing';

// Only composition here: each domain has its own router file.
export const appRouter = router({
  auth: authRouter,
  partners: partnersRouter,
  team: teamRouter,
  users: usersRouter,
  subjects: subjectsRouter,
  sharing: sharingRouter,
});

export type AppRouter = typeof appRouter;
