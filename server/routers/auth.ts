import { z } from 'zod';
import { authedProcedure, publicProcedure, router, type Context } from '../trpc';
import { changePassword, login, logout } from '../domain/auth';
import { setLocale } from '../domain/team';
import { email } from '../validation';

export const SESSION_COOKIE = 'overleg_session';
export const SECURE_SESSION_COOKIE = '__Host-overleg_session';

function sessionCookie(ctx: Context, token: string, maxAgeSeconds: number): string {
  const name = ctx.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const parts = [`${name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (ctx.secure) parts.push('Secure');
  return parts.join('; ');
}

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ email, password: z.string().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const session = await login(ctx.deps, input, ctx.ip);
      const maxAge = Math.floor((session.expiresAt.getTime() - ctx.deps.now().getTime()) / 1000);
      ctx.setCookie(sessionCookie(ctx, session.token, maxAge));
      return { ok: true as const };
    }),

  logout: authedProcedure.mutation(({ ctx }) => {
    if (ctx.sessionToken) logout(ctx.deps, ctx.sessionToken, ctx.user);
    ctx.setCookie(sessionCookie(ctx, '', 0));
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => {
    const { id, name, email, role, teamId, partnerId, locale } = ctx.user;
    return { id, name, email, role, teamId, partnerId, locale };
  }),

  setLocale: authedProcedure.input(z.object({ locale: z.enum(['nl', 'en']) })).mutation(({ ctx, input }) => {
    setLocale(ctx.deps, ctx.user.id, input.locale);
    return { ok: true as const };
  }),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(500), newPassword: z.string().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.deps, ctx.user, input, ctx.ip);
      return { ok: true as const };
    }),
});
