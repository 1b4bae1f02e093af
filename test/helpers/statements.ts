// What SQL a piece of work runs: the source of every statement executed while `fn` runs, in order.
// Statements are prepared once per connection (server/prepared.ts), so watching `prepare` would
// miss every statement an earlier call already prepared; this watches the executions instead.
import Database from 'better-sqlite3';
import type { TestDeps } from './deps';

type Run = (this: Database.Statement, ...params: unknown[]) => unknown;
const methods = ['all', 'get', 'run', 'iterate'] as const;

export async function statementsRun(deps: TestDeps, fn: () => Promise<unknown>): Promise<string[]> {
  const sqlite = deps.db.$client;
  // Every statement of this connection shares one prototype: take it from a statement of its own.
  const prototype = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<(typeof methods)[number], Run>;
  const originals = methods.map((m) => [m, prototype[m]] as const);
  const seen: string[] = [];
  for (const [m, original] of originals)
    prototype[m] = function (this: Database.Statement, ...params: unknown[]) {
      if (this.database === sqlite) seen.push(this.source);
      return original.apply(this, params);
    };
  try {
    await fn();
  } finally {
    for (const [m, original] of originals) prototype[m] = original;
  }
  return seen;
}
