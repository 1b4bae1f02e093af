import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { openDb } from '../db/client';
import { isEmpty } from '../db/seed/demo';
import { seedDemo } from '../db/seed';
import { loadConfig, type Config } from './config';
import { systemClock, type Clock } from './clock';
import type { AppDeps } from './deps';
import { loadDataKeys } from './privacy/crypto';
import { hashPassword } from './auth/passwords';
import { createAppServer } from './http/server';
import { purgeExpiredAuth } from './auth/active-sessions';
import { scheduleDailyJobs } from './jobs';
import { bindAuditKey } from './audit';
import { backfillBlindIndex } from './privacy/personal-data';

export function buildDeps(config: Config = loadConfig(), now: Clock = systemClock): AppDeps {
  const db = openDb(join(config.dataDir, 'overleg.db'));
  const keys = loadDataKeys(config.dataDir, process.env.APP_DATA_KEY);
  bindAuditKey(db, keys, now());
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return { db, config, keys, now, events };
}

/** Opens the database, seeds the demo when empty (never in production), and serves the app. */
export async function startServer(config: Config = loadConfig()) {
  // Anything the server process creates is its own only (db/private-files.ts sets the modes of the
  // known files explicitly; this covers whatever SQLite or a library creates besides).
  process.umask(0o077);
  const deps = buildDeps(config);
  let accounts: Awaited<ReturnType<typeof seedDemo>>['accounts'] = [];
  if (!config.production && isEmpty(deps.db)) {
    ({ accounts } = await seedDemo(deps, hashPassword, deps.now()));
  }
  // Issue 11 item 1: a database from before the blind index gets its tokens once.
  backfillBlindIndex(deps);
  const server = createAppServer(deps);
  // Expired sessions and login challenges are removed every 10 minutes (and on every login).
  const purge = setInterval(() => purgeExpiredAuth(deps.db, config, deps.now()), 10 * 60_000);
  purge.unref();
  purgeExpiredAuth(deps.db, config, deps.now());
  const stopJobs = scheduleDailyJobs(deps);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  console.log(`\nOverleg draait op ${url}\n`);
  if (accounts.length > 0) {
    console.log('Demo-accounts (wachtwoord: demo-wachtwoord):');
    for (const a of accounts) console.log(`  ${a.email.padEnd(28)} ${a.role.padEnd(12)} ${a.partner ?? ''}`);
    console.log('');
  } else if (!config.production) {
    console.log('Demo-accounts: zie README (wachtwoord: demo-wachtwoord).\n');
  }
  const shutdown = () => {
    clearInterval(purge);
    stopJobs();
    server.close();
    deps.db.$client.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { server, deps, url };
}
