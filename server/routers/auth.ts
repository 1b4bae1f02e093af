import { z } from 'zod';
import { authedProcedure, publicProcedure, router, signedInProcedure, type Context } from '../trpc';
import { verifyChallenge } from '../auth/two-factor';
import { activateAccount, lookupActivation } from '../auth/activation';
import { changePassword, login, logout } from '../domain/auth';
import { setLocale } from '../domain/team';
import { setTaskDigest, taskDigestEnabled } from '../domain/task-digest';
import { email } from '../validation';

export const SESSION_COOKIE = 'overleg_session';
export const SECURE_SESSION_COOKIE = '__Host-overleg_session';

function sessionCookie(ctx: Context, token: string, maxAgeSeconds: number): string {
  const name = ctx.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const parts = [`${name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (ctx.secure) parts.push('Secure');
  return parts.join('; ');
}

function setSessionCookie(ctx: Context, session: { token: string; expiresAt: Date }): void {
  const maxAge = Math.floor((session.expiresAt.getTime() - ctx.deps.now().getTime()) / 1000);
  ctx.setCookie(sessionCookie(ctx, session.token, maxAge));
}

export const authRouter = router({
  login: publicProcedure.input(z.object({ email, password: z.string().min(1).max(500) })).mutation(async ({ ctx, input }) => {
    const result = await login(ctx.deps, input, ctx.ip);
    // With a second factor: no cookie yet, the client continues with auth.loginCode.
    if (result.kind === 'secondFactor')
      return { ok: false as const, secondFactor: { challenge: result.challenge, expiresAt: result.expiresAt.toISOString() } };
    setSessionCookie(ctx, result);
    return { ok: true as const, secondFactor: null };
  }),

  /** The second step of a login with 2FA: a code from the app or a recovery code. */
  loginCode: publicProcedure
    .input(z.object({ challenge: z.string().min(1).max(100), code: z.string().trim().min(1).max(20) }))
    .mutation(({ ctx, input }) => {
      setSessionCookie(ctx, verifyChallenge(ctx.deps, input, ctx.ip));
      return { ok: true as const };
    }),

  /** The activation page: whose account the link is for. */
  activation: publicProcedure
    .input(z.object({ token: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => lookupActivation(ctx.deps, input.token)),

  /** Sets the new account's own password with its one-time link. */
  activate: publicProcedure
    .input(z.object({ token: z.string().min(1).max(100), password: z.string().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await activateAccount(ctx.deps, input, ctx.ip);
      return { ok: true as const };
    }),

  logout: signedInProcedure.mutation(({ ctx }) => {
    if (ctx.sessionToken) logout(ctx.deps, ctx.sessionToken, ctx.user);
    ctx.setCookie(sessionCookie(ctx, '', 0));
    return { ok: true as const };
  }),

  me: signedInProcedure.query(({ ctx }) => {
    const { id, name, email, role, teamId, partnerId, locale } = ctx.user;
    return { id, name, email, role, teamId, partnerId, locale, twoFactor: ctx.user.twoFactor };
  }),

  setLocale: signedInProcedure.input(z.object({ locale: z.enum(['nl', 'en']) })).mutation(({ ctx, input }) => {
    setLocale(ctx.deps, ctx.user.id, input.locale);
    return { ok: true as const };
  }),

  /** The weekly task digest by e-mail (issue 9 item 14; the profile page): on or off. */
  taskDigest: authedProcedure.query(({ ctx }) => ({ taskDigest: taskDigestEnabled(ctx.deps, ctx.user.id) })),
  setTaskDigest: authedProcedure
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setTaskDigest(ctx.deps, ctx.user, input.enabled)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(500), newPassword: z.string().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.deps, ctx.user, input, ctx.ip);
      return { ok: true as const };
    }),
});
