import { router } from '../trpc';
import { authRouter } from './auth';
import { partnersRouter } from './partners';
import { teamRouter, usersRouter } from './team';

// Only composition here: each domain has its own router file.
export const appRouter = router({
  auth: authRouter,
  partners: partnersRouter,
  team: teamRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
