// Small factories: a team from its covenant, users per role and partner, callers per user.
import { eq } from 'drizzle-orm';
import { teams, users, type Role } from '../../db/schema';
import { demoSuccessors, teamDefs } from '../../db/seed/covenants';
import { createTeamFromCovenant, registerCovenant } from '../../db/seed/teams';
import { hashPassword } from '../../server/auth/passwords';
import { TRPCError } from '@trpc/server';
import { createCallerFactory, describeError, type Context } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import type { SessionUser } from '../../server/auth/sessions';
import { loadActor, type Actor } from '../../server/auth/actor';
import type { TestDeps } from './deps';

export const TEST_PASSWORD = 'test-wachtwoord-123';
let testHash: Promise<string> | null = null;
const passwordHash = () => (testHash ??= hashPassword(TEST_PASSWORD));

export type TestTeam = { teamId: number; slug: 'pit' | 'bit'; partnerIds: Record<string, number> };

/**
 * A team from its covenant. Without a covenant override it is the demo's team: PIT's real covenant
 * (ended 2026-01-01) plus the fictitious successor in force from 2026-01-01. With `endsOn` it is
 * that one covenant only — `{ endsOn: '2026-01-01' }` is a team without a successor: wind-down.
 * Its 2FA requirement (on for every real team) is off unless asked for:
 * tests of other rules act as users without a second factor; test/server/two-factor.test.ts turns it on.
 */
export function makeTeam(
  deps: TestDeps,
  slug: 'pit' | 'bit' = 'pit',
  covenant: { endsOn?: string | null } = {},
  options: { twoFactorRequired?: boolean } = {},
): TestTeam {
  const def = teamDefs.find((t) => t.slug === slug)!;
  const adjusted = { ...def, covenant: { ...def.covenant, ...covenant } };
  const team = createTeamFromCovenant(deps.db, adjusted, deps.now());
  const successor = demoSuccessors[slug];
  if (successor && !('endsOn' in covenant)) registerCovenant(deps.db, team.teamId, successor);
  deps.db
    .update(teams)
    .set({ twoFactorRequired: options.twoFactorRequired ?? false })
    .where(eq(teams.id, team.teamId))
    .run();
  return { ...team, slug };
}

let userSeq = 0;

/** A new account as the actor it is at creation (procedures build their own per call). */
export async function makeUser(deps: TestDeps, team: TestTeam, role: Role, partnerSlug?: string | null, name?: string): Promise<Actor> {
  userSeq += 1;
  const partnerId = partnerSlug ? team.partnerIds[partnerSlug] : null;
  if (partnerSlug && !partnerId) throw new Error(`no partner ${partnerSlug} in ${team.slug}`);
  const email = `${role}-${partnerSlug ?? 'x'}-${userSeq}@${team.slug}.test`;
  const row = deps.db
    .insert(users)
    .values({
      teamId: team.teamId,
      partnerId: partnerId ?? null,
      email,
      name: name ?? `${role} ${partnerSlug ?? ''}`.trim(),
      role,
      passwordHash: await passwordHash(),
      createdAt: deps.now().toISOString(),
    })
    .returning()
    .get();
  return loadActor(deps.db, {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamId: row.teamId,
    partnerId: row.partnerId,
    locale: 'nl',
  });
}

export function reloadUser(deps: TestDeps, id: number): Actor {
  const row = deps.db.select().from(users).where(eq(users.id, id)).get()!;
  return loadActor(deps.db, {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamId: row.teamId,
    partnerId: row.partnerId,
    locale: row.locale,
  });
}

const createCaller = createCallerFactory(appRouter);

export type CallerOptions = { ip?: string; locale?: 'nl' | 'en'; sessionToken?: string | null; cookies?: string[] };

/** A tRPC caller acting as `user` (or anonymous with null), in-process, no HTTP. */
export function callerFor(deps: TestDeps, user: SessionUser | null, options: CallerOptions = {}) {
  const cookies = options.cookies ?? [];
  const ctx: Context = {
    deps,
    user,
    sessionToken: options.sessionToken ?? null,
    ip: options.ip ?? '127.0.0.1',
    locale: options.locale ?? 'nl',
    secure: false,
    setCookie: (header) => cookies.push(header),
  };
  return createCaller(ctx);
}

/** Runs `fn` (sync or async) and returns the thrown tRPC error's code and translated message. */
export async function errorOf(fn: () => unknown): Promise<{ code: string; message: string; key?: string }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { code?: string; message: string; key?: string };
    return { code: e.code ?? 'UNKNOWN', message: e.message, key: e.key };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Runs `fn` and returns the translated messages per input path that a form shows at its fields. */
export async function fieldErrorsOf(fn: () => Promise<unknown>, locale: 'nl' | 'en' = 'nl'): Promise<Record<string, string>> {
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return describeError(error, locale).fieldErrors ?? {};
  }
  throw new Error('expected the call to fail, but it succeeded');
}
