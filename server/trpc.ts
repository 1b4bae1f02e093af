/**
 * The one place where procedures are built: context, initialisation (error formatting), and the
 * authenticated / role / partner-scoped procedures every router imports. Routers never check
 * authentication or roles by hand.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { AppDeps } from './deps';
import type { SessionUser } from './auth/sessions';
import type { Role } from '../db/schema';
import { AppError, forbidden } from './errors';
import { isMessageKey, translate, type Locale, type MessageParams } from './i18n/messages';
import type { core } from 'zod';
import { actingPartner, actorOf, mustEnrolTwoFactor, type Actor } from './auth/actor';
import { inTurn, takeToken, type RateLimitName } from './rate-limit';

// ── 1. Context ──────────────────────────────────────────────────────────────────────────────

export type Context = {
  deps: AppDeps;
  /** Who the session belongs to; signed-in procedures see the full `Actor` in its place. */
  user: SessionUser | null;
  sessionToken: string | null;
  ip: string;
  locale: Locale;
  /** True when served over HTTPS: cookies get Secure and the __Host- prefix. */
  secure: boolean;
  setCookie: (header: string) => void;
};

// ── 2. Initialisation ───────────────────────────────────────────────────────────────────────

type FieldErrors = Record<string, string>;

function issueMessage(issue: core.$ZodIssue, locale: Locale): string {
  if (isMessageKey(issue.message)) return translate(issue.message, locale, (issue as { params?: MessageParams }).params);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'number') return translate('validation.numberMax', locale, { max: String(issue.maximum) });
      if (issue.origin === 'array') return translate('validation.tooMany', locale, { max: String(issue.maximum) });
      return translate('validation.tooLong', locale, { max: String(issue.maximum) });
    case 'too_small':
      // An empty choice arrives as 0 or '' and an empty list as []: that is a missing answer,
      // not a count of characters.
      if (Number(issue.minimum) <= 1 && issue.origin !== 'date') return translate('validation.required', locale);
      if (issue.origin === 'number') return translate('validation.numberMin', locale, { min: String(issue.minimum) });
      return translate('validation.tooShort', locale, { min: String(issue.minimum) });
    case 'invalid_type':
      return translate(issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid', locale);
    case 'invalid_format':
      return translate(issue.format === 'email' ? 'validation.email' : 'validation.invalid', locale);
    case 'invalid_value':
      return translate('validation.choice', locale);
    default:
      return translate('validation.invalid', locale);
  }
}

/** The translated, internals-free description of an error: used for tRPC responses and downloads. */
export function describeError(error: TRPCError, locale: Locale): { key: string; message: string; fieldErrors?: FieldErrors } {
  if (error.cause instanceof ZodError) {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.cause.issues) {
      const path = issue.path.join('.') || '_';
      fieldErrors[path] ??= issueMessage(issue, locale);
    }
    const first = Object.values(fieldErrors)[0];
    return { key: 'validation.invalid', message: first ?? translate('validation.invalid', locale), fieldErrors };
  }
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields);
    if (fields.length === 0) return { key: error.key, message: translate(error.key, locale, error.params) };
    const fieldErrors = Object.fromEntries(fields.map(([path, p]) => [path, translate(p.key, locale, p.params)]));
    return { key: error.key, message: Object.values(fieldErrors)[0]!, fieldErrors };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') return { key: 'internal', message: translate('internal', locale) };
  if (error.code === 'PAYLOAD_TOO_LARGE') return { key: 'tooLarge', message: translate('tooLarge', locale) };
  if (isMessageKey(error.message)) return { key: error.message, message: translate(error.message, locale) };
  // tRPC's own protocol errors (parse errors, unknown procedures): short and free of internals.
  return { key: error.code, message: error.message };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const { key, message, fieldErrors } = describeError(error, ctx?.locale ?? 'nl');
    // Never a stack trace, never the internal message of an unexpected error.
    return {
      code: shape.code,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, key, fieldErrors: fieldErrors ?? null },
    };
  },
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 20_000 } },
});

export const router = t.router;
const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

// ── 3. Procedures ───────────────────────────────────────────────────────────────────────────

export const publicProcedure = t.procedure;

/**
 * Logged in, whether or not the team's required second factor is set up yet. Only for what an
 * account must be able to do before enrolling: who am I, log out, language, enrol 2FA.
 * Builds the request's one `Actor` (./auth/actor.ts) and gives it to the procedure as `ctx.user`.
 */
export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHORIZED', 'auth.required');
  const actor: Actor = actorOf(ctx.deps.db, ctx.user, ctx.sessionToken);
  return next({ ctx: { ...ctx, user: actor } });
});

/**
 * Logged in with everything the team requires. BIO 23.1a: when the team requires 2FA for the
 * account's role and the account has none, nothing but enrolment works (checked per request, so
 * a session from before the requirement is held too). Every role procedure builds on this one.
 */
export const authedProcedure = signedInProcedure.use(({ ctx, next }) => {
  refuseUntilEnrolled(ctx.user);
  return next();
});

function refuseUntilEnrolled(actor: Actor) {
  if (mustEnrolTwoFactor(actor)) throw new AppError('FORBIDDEN', 'twoFactor.enrolRequired');
}

/**
 * The second-factor rule of `authedProcedure` and the role check in one middleware: every hot
 * read passes here, and each middleware level costs the request a context merge (issue 12).
 */
export function withRoles(...allowed: Role[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    refuseUntilEnrolled(ctx.user);
    if (!allowed.includes(ctx.user.role)) throw forbidden();
    return next();
  });
}

/** Chairs the overleg, manages casussen, tasks and the team's partners (SPEC §1). */
export const coordinatorProcedure = withRoles('coordinator');
/** Team configuration and accounts: the functioneel beheerder, and the coordinator for members. */
export const teamManagerProcedure = withRoles('coordinator', 'admin');
/** People who work on casussen: the coordinator and the partners' members. */
export const caseworkProcedure = withRoles('coordinator', 'member');
/** Who may read casus details: casework roles and the FG (privacy), who sees no items (P2). */
export const caseReaderProcedure = withRoles('coordinator', 'member', 'privacy');
/** Everyone of a team except the viewer, who reads reports and dashboards only. */
export const teamReaderProcedure = withRoles('coordinator', 'member', 'admin', 'privacy');
/** Aggregated figures without personal data: also the viewer (bestuurder, DVC, AVO). */
export const reportReaderProcedure = withRoles('coordinator', 'member', 'admin', 'privacy', 'viewer');
export const privacyProcedure = withRoles('privacy');
/** Finding a person and the informatieplicht list (issue 11 items 1, 8): the FG and the coordinator. */
export const privacyOrCoordinatorProcedure = withRoles('privacy', 'coordinator');
/** The functioneel beheerder: accounts, team settings and the team's security events. */
export const adminProcedure = withRoles('admin');

/** A member acting for their own organisation: the procedure's ctx carries a non-null partnerId. */
export const partnerMemberProcedure = withRoles('member').use(({ ctx, next }) => {
  const partnerId = actingPartner(ctx.user, null, { ownOnly: 'auth.forbidden' });
  if (partnerId === null) throw forbidden();
  return next({ ctx: { ...ctx, partnerId } });
});

/**
 * Expensive work (reports, exports, audit checks) is rate-limited per user and takes turns with
 * other expensive work (issue 8.5): the calls of one batch would otherwise run back to back on
 * the event loop while every other user's request waits.
 */
export const rateLimited = (name: RateLimitName, applies: (rawInput: unknown) => boolean = () => true) =>
  middleware(async ({ ctx, next, getRawInput }) => {
    // Some procedures are expensive only for some inputs (the audit check: only the full one).
    if (!applies(await getRawInput())) return next();
    takeToken(ctx.deps, name, ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip}`);
    return inTurn(() => next());
  });
