// Issue 8 item 19: a property-based fuzz over every mutation of the app router. Inputs come from
// each procedure's own zod schema (test/helpers/zod-arbitrary.ts), so a mutation added later is
// fuzzed without touching this file. Every call runs on a fresh copy of the seeded demo (both
// teams) as one of several principals, and three properties must hold:
//   1. no call ends in INTERNAL_SERVER_ERROR (which is also what any non-tRPC error becomes);
//   2. a rejected call changes nothing in the database ("bad input changes nothing"), except the
//      few rows listed in `changesOnRejection`, each recorded there by design;
//   3. after a call that succeeded, every query that needs no input still answers the caller
//      without an internal error: what a schema let through must not break a later read.
// Deeper local runs: FUZZ_RUNS=500 npx vitest run --project server test/server/mutation-fuzz.test.ts
// (FUZZ_SEED=<seed> replays a reported failure).
import { beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { appRouter } from '../../server/routers';
import { AppError } from '../../server/errors';
import { seedDemo } from '../../db/seed';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { themes } from '../../db/schema';
import { hashPassword } from '../../server/auth/passwords';
import { appendAudit, bindAuditKey } from '../../server/audit';
import type { SessionUser } from '../../server/auth/sessions';
import type { OpenDb } from '../../db/client';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, reloadUser } from '../helpers/factories';
import { changedTables, fingerprint, openCopy, writesSinceOpen, type Fingerprint, type IgnoredRows } from '../helpers/db-fingerprint';
import { fuzzArbitrary, validArbitrary } from '../helpers/zod-arbitrary';
import { harvestValues, type RealValues } from '../helpers/db-values';

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
// FUZZ_STATS=1 prints per mutation how its calls ended (to see that the domain code is reached).
const STATS = process.env.FUZZ_STATS === '1';

/**
 * Rows a rejected call may write, by design — keep it short and precise. Every other mutation,
 * including any added later, gets none.
 */
const changesOnRejection: Record<string, { rows: IgnoredRows[]; why: string }> = {
  'auth.login': {
    why:
      'P6 and throttling (issue 8 items 4, 5, 8): a failed or refused login is counted (login_failures, and account_locks when it' +
      ' locks the account), aggregated for the administrator (security_events) and, for an existing account, audited in its team',
    rows: [
      { table: 'login_failures' },
      { table: 'account_locks' },
      { table: 'security_events', where: "kind IN ('login.failed', 'login.unknownAccount', 'login.refused', 'account.locked')" },
      { table: 'audit_log', where: "action IN ('auth.login.failed', 'auth.account.locked')" },
    ],
  },
  'auth.changePassword': {
    why:
      'throttled like a login (a stolen session must not become a way to guess the password): a wrong current password is' +
      ' counted (login_failures, account_locks when it locks) and shown to the administrator (security_events)',
    rows: [
      { table: 'login_failures' },
      { table: 'account_locks' },
      { table: 'security_events', where: "kind IN ('password.failed', 'login.refused', 'account.locked')" },
      { table: 'audit_log', where: "action = 'auth.account.locked'" },
    ],
  },
};

// ── the mutations, found by walking the router ──────────────────────────────────────────────

type Schema = z.core.$ZodType;
type ProcedureDef = { type: string; inputs: Schema[] };
type Mutation = { path: string; input: Schema | undefined };

// At run time `_def.procedures` is flat: 'subjects.addItems' → procedure.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;

function mutationsOf(): Mutation[] {
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type === 'mutation')
    .map(([path, p]) => {
      const [first, ...rest] = p._def.inputs;
      // Chained .input() calls merge their objects; an intersection takes both.
      const input = rest.reduce<Schema | undefined>((all, s) => z.intersection(all as z.ZodType, s as z.ZodType), first);
      return { path, input };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

const mutations = mutationsOf();

/** The queries a caller can run without input (lists, dashboards): the reads after a success. */
const readers = Object.entries(procedures)
  .filter(([, p]) => p._def.type === 'query' && p._def.inputs.every((s) => (s as unknown as z.ZodType).safeParse(undefined).success))
  .map(([path]) => path)
  .sort();

// ── the seeded demo, its principals and real values ─────────────────────────────────────────

let deps: TestDeps;
let image: Buffer;
type Principal = { name: string; user: SessionUser | null };
let principals: Principal[];
let realValues: RealValues;

beforeAll(async () => {
  deps = createTestDeps();
  const { ids } = await seedDemo(deps, hashPassword, deps.now());
  image = deps.db.$client.serialize();
  const user = (team: 'pit' | 'bit', local: string): Principal => ({
    name: `${local}@${team}`,
    user: reloadUser(deps, ids.teams[team].userIds[local]!),
  });
  principals = [
    user('pit', 'coordinator'),
    user('pit', 'helmond'),
    user('pit', 'politie'),
    user('pit', 'senzer'),
    user('pit', 'admin'),
    user('pit', 'fg'),
    user('pit', 'bestuur'),
    user('bit', 'coordinator'),
    user('bit', 'hilversum'),
    { name: 'anonymous', user: null },
  ];
  realValues = harvestValues(deps.db, [DEMO_PASSWORD, 'een-lang-nieuw-wachtwoord-2026']);
}, 120_000);

// ── one call on a fresh copy, and what it did ───────────────────────────────────────────────

const baselines = new Map<string, Fingerprint>();
function baseline(ignored: readonly IgnoredRows[]): Fingerprint {
  const key = JSON.stringify(ignored);
  if (!baselines.has(key)) baselines.set(key, fingerprint(deps.db.$client, ignored));
  return baselines.get(key)!;
}

type Outcome = { error: unknown; changed: string[]; wrote: boolean };

/** A copy nothing has written to since it was opened: as good as fresh for the next call. */
let untouched: OpenDb | null = null;

/**
 * Runs `call` against a fresh copy of the seeded database, then `afterSuccess` on the same copy.
 * After a rejection, the tables that differ from the seed (apart from `ignored` rows). SQLite's
 * total_changes() counts every row an INSERT, UPDATE or DELETE touched, rolled back or not, so a
 * call that wrote nothing is known to be clean without hashing the whole database (and its copy
 * can serve the next call).
 */
async function onFreshCopy(
  call: (deps: TestDeps) => unknown,
  ignored: readonly IgnoredRows[] = [],
  afterSuccess: (deps: TestDeps) => Promise<void> = async () => {},
): Promise<Outcome> {
  const db = untouched ?? openCopy(image);
  untouched = null;
  // The audit key lives in memory, bound per connection (server/audit.ts): bind it to the copy too.
  bindAuditKey(db, deps.keys, deps.now());
  const writesBefore = writesSinceOpen(db.$client);
  const runDeps = { ...deps, db, events: new EventEmitter() };
  let keep = false;
  try {
    try {
      await call(runDeps);
    } catch (error) {
      const wrote = writesSinceOpen(db.$client) > writesBefore;
      keep = !wrote;
      return { error, changed: wrote ? changedTables(baseline(ignored), fingerprint(db.$client, ignored)) : [], wrote };
    }
    await afterSuccess(runDeps);
    return { error: null, changed: [], wrote: true };
  } finally {
    if (keep) untouched = db;
    else db.$client.close();
  }
}

/** Every input-less query as `user`: any may refuse (a role gate), none may fail internally. */
async function readsStillAnswer(runDeps: TestDeps, user: SessionUser | null, as: string) {
  for (const path of readers) {
    try {
      await callProcedure(path, runDeps, user, undefined);
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR')
        throw new Error(`${as} succeeded, then ${path}: ${explain(error)}`, { cause: error });
    }
  }
}

function callProcedure(path: string, runDeps: TestDeps, user: SessionUser | null, input: unknown): Promise<unknown> {
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(runDeps, user));
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

const explain = (error: unknown) =>
  error instanceof TRPCError
    ? `${error.code} ${error.message}${error.cause ? `\ncause: ${error.cause.stack ?? String(error.cause)}` : ''}`
    : String((error as Error)?.stack ?? error);

/**
 * A principal and an input for them. Principals who get past the procedure's role gate (a probe
 * with input the schema rejects answers BAD_REQUEST rather than UNAUTHORIZED or FORBIDDEN) are
 * drawn more often, so the domain code runs in most calls while the gate still meets everyone.
 */
async function callArbitrary(mutation: Mutation): Promise<fc.Arbitrary<[Principal, unknown]>> {
  const inputs = new Map<number | null, fc.Arbitrary<unknown>>();
  const inputFor = (teamId: number | null) => {
    if (!inputs.has(teamId)) inputs.set(teamId, fuzzArbitrary(mutation.input, realValues.hintsFor(mutation.path, teamId)));
    return inputs.get(teamId)!;
  };
  const weighted = [];
  for (const principal of principals) {
    const { error } = await onFreshCopy((d) => callProcedure(mutation.path, d, principal.user, Symbol('probe')));
    const gated = error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN');
    weighted.push({ weight: gated ? 1 : 10, arbitrary: fc.tuple(fc.constant(principal), inputFor(principal.user?.teamId ?? null)) });
  }
  return fc.oneof(...weighted);
}

// ── the properties ──────────────────────────────────────────────────────────────────────────

describe('the fuzz harness', () => {
  it('finds the mutations of every router by walking the app router', () => {
    const paths = mutations.map((m) => m.path);
    expect(paths).toEqual(expect.arrayContaining(['auth.login', 'subjects.addItems', 'meetings.calendarFeed', 'agenda.saveNotes']));
    expect(paths.every((p) => procedures[p]!._def.type === 'mutation')).toBe(true);
  });

  it('draws valid inputs that mostly pass their schema, so the domain code is reached', () => {
    for (const { path, input } of mutations.filter((m) => m.input)) {
      const sample = fc.sample(validArbitrary(input!, realValues.hintsFor(path, 1)), { numRuns: 40, seed: 7 });
      const passed = sample.filter((v) => (input as unknown as z.ZodType).safeParse(v).success).length;
      expect({ path, enough: passed >= 20 }).toEqual({ path, enough: true });
    }
  });

  it('lists exceptions only for mutations and tables that exist', () => {
    const tables = (deps.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const [path, { rows }] of Object.entries(changesOnRejection)) {
      expect(mutations.map((m) => m.path)).toContain(path);
      for (const { table, where } of rows) {
        expect(tables).toContain(table);
        if (where) expect(() => deps.db.$client.prepare(`SELECT 1 FROM "${table}" WHERE ${where}`).all()).not.toThrow();
      }
    }
  });

  it('sees a row that a rejected call left behind, and names its table', async () => {
    const outcome = await onFreshCopy((d) => {
      d.db.insert(themes).values({ teamId: 1, name: 'nooit', position: 99 }).run();
      throw new AppError('BAD_REQUEST', 'validation.invalid');
    });
    expect(outcome.changed).toEqual(['sqlite_sequence', 'themes']);
  });

  it('counts a write that a transaction rolled back as no change', async () => {
    const outcome = await onFreshCopy((d) => {
      d.db.transaction((tx) => {
        tx.insert(themes).values({ teamId: 1, name: 'nooit', position: 99 }).run();
        throw new AppError('BAD_REQUEST', 'validation.invalid');
      });
    });
    expect(outcome.changed).toEqual([]);
  });

  it('ignores only the rows an exception names', async () => {
    const ignored = changesOnRejection['auth.login']!.rows;
    const failedLogin = await onFreshCopy((d) => {
      appendAudit(d.db, d.now(), { action: 'auth.login.failed' });
      throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials');
    }, ignored);
    expect(failedLogin.changed).toEqual([]);
    const otherAudit = await onFreshCopy((d) => {
      appendAudit(d.db, d.now(), { action: 'subjects.bsn.revealed' });
      throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials');
    }, ignored);
    expect(otherAudit.changed).toEqual(['audit_log']);
  });
});

describe('every mutation, fuzzed from its input schema', () => {
  for (const mutation of mutations) {
    const ignored = changesOnRejection[mutation.path]?.rows ?? [];
    it(
      `${mutation.path}: no internal error, and a rejected call changes nothing`,
      async () => {
        const calls = await callArbitrary(mutation);
        const outcomes = new Map<string, number>();
        await fc.assert(
          fc.asyncProperty(calls, async ([principal, value]) => {
            const as = `${mutation.path} as ${principal.name}`;
            const { error, changed, wrote } = await onFreshCopy(
              (d) => callProcedure(mutation.path, d, principal.user, value),
              ignored,
              (d) => readsStillAnswer(d, principal.user, as),
            );
            const label =
              error === null
                ? 'ok'
                : error instanceof TRPCError
                  ? `${error.code}:${(error as { key?: string }).key ?? (error.cause ? 'zod' : '')}`
                  : 'thrown';
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
            if (error !== null && wrote) outcomes.set('(rejected after writing)', (outcomes.get('(rejected after writing)') ?? 0) + 1);
            if (error === null) return;
            if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw new Error(`${as}: ${explain(error)}`);
            if (changed.length > 0) throw new Error(`${as} was rejected (${explain(error)}) but changed: ${changed.join(', ')}`);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        if (STATS) console.log(mutation.path, JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1]))));
      },
      30_000 + RUNS * 1_000,
    ); // logins hash passwords: room for deep runs on a busy machine
  }
});
