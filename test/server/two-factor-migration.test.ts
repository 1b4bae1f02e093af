// The migration that adds 2FA to an existing database: real teams require it from then on (the
// production default); teams of an existing demo database keep their one-click demo login.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const migrations = join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration to 2FA', () => {
  it('turns the requirement on for existing teams, off for teams of demo accounts', () => {
    // The database as it was before: only the migrations up to the agenda template.
    const before = mkdtempSync(join(tmpdir(), 'overleg-mig-'));
    try {
      cpSync(migrations, before, { recursive: true });
      const journalFile = join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const upTo = journal.entries.findIndex((e) => e.tag.startsWith('0003_'));
      expect(upTo).toBeGreaterThan(0);
      writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
      const sqlite = new Database(':memory:');
      const db = drizzle(sqlite);
      migrate(db, { migrationsFolder: before });
      const now = '2026-11-25T09:00:00.000Z';
      const team = sqlite.prepare('INSERT INTO teams (slug, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)');
      const user = sqlite.prepare(
        "INSERT INTO users (team_id, email, name, role, password_hash, created_at) VALUES (?, ?, 'X', 'admin', 'h', ?)",
      );
      const real = Number(team.run('pit', 'PIT', 'PIT Peelland', 'Peelland', now).lastInsertRowid);
      const demo = Number(team.run('bit', 'BIT', 'BIT Gooi', 'Gooi', now).lastInsertRowid);
      user.run(real, 'beheer@peelland.nl', now);
      user.run(demo, 'admin@bit.demo', now);

      migrate(db, { migrationsFolder: migrations });
      const rows = sqlite.prepare('SELECT id, two_factor_required AS required FROM teams ORDER BY id').all();
      expect(rows).toEqual([
        { id: real, required: 1 },
        { id: demo, required: 0 },
      ]);
      sqlite.close();
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});
