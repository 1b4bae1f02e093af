// The test database factory: every test gets a fresh SQLite database with the real migrations,
// real keys and a clock it controls. No mocks.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { openDb } from '../../db/client';
import { loadConfig, type Config } from '../../server/config';
import { keysFromMaster } from '../../server/privacy/crypto';
import type { AppDeps } from '../../server/deps';
import { bindAuditKey } from '../../server/audit';

export type TestClock = { now: Date; advanceMinutes(minutes: number): void; set(iso: string): void };

export type TestDeps = AppDeps & { clock: TestClock };

export function createTestDeps(
  /** `master`: the data key's master (default: random), e.g. to open the same file in a second process. */
  options: { now?: string; file?: string; config?: Partial<Config>; master?: Buffer } = {},
): TestDeps {
  const clock: TestClock = {
    now: new Date(options.now ?? '2026-11-25T09:00:00Z'),
    advanceMinutes(minutes) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
    set(iso) {
      this.now = new Date(iso);
    },
  };
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent' }), ...options.config };
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const db = openDb(options.file ?? ':memory:');
  const keys = keysFromMaster(options.master ?? randomBytes(32));
  bindAuditKey(db, keys, clock.now);
  return {
    db,
    config,
    keys,
    now: () => clock.now,
    events,
    clock,
  };
}
