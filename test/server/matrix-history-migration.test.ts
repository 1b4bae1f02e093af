// The migration that seeds the sharing matrix's history (art. 13) on a database that had teams
// before the history was kept: one approved row per team lacking one, holding its matrix as it was.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const migrations = join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration seeding the matrix history', () => {
  it('gives each team without history one approved row with its matrix; a team with history keeps its own', () => {
    const before = mkdtempSync(join(tmpdir(), 'overleg-mig-'));
    try {
      cpSync(migrations, before, { recursive: true });
      const journalFile = join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const upTo = journal.entries.findIndex((e) => e.tag === '0023_seed_matrix_history');
      expect(upTo).toBeGreaterThan(0);
      writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
      const sqlite = new Database(':memory:');
      const db = drizzle(sqlite);
      migrate(db, { migrationsFolder: before });
      const now = '2026-11-25T09:00:00.000Z';
      const team = sqlite.prepare('INSERT INTO teams (slug, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)');
      const rule = sqlite.prepare('INSERT INTO sharing_rules (team_id, source_kind, category, audience) VALUES (?, ?, ?, ?)');
      const old = Number(team.run('pit', 'PIT', 'PIT Peelland', 'Peelland', now).lastInsertRowid);
      const kept = Number(team.run('bit', 'BIT', 'BIT Gooi', 'Gooi', now).lastInsertRowid);
      rule.run(old, 'politie', 'naw', 'gemeenten');
      rule.run(old, 'gemeente', 'bsn', 'all');
      rule.run(kept, 'gemeente', 'naw', 'all');
      sqlite
        .prepare(
          "INSERT INTO sharing_proposals (team_id, addendum_ref, changes, status, proposed_at) VALUES (?, 'Addendum 1', '[]', 'approved', ?)",
        )
        .run(kept, now);

      migrate(db, { migrationsFolder: migrations });
      const rows = sqlite
        .prepare(
          'SELECT team_id AS teamId, addendum_ref AS ref, status, proposed_by_user_id AS by, changes FROM sharing_proposals ORDER BY id',
        )
        .all() as { changes: string }[];
      expect(rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as unknown }))).toEqual([
        { teamId: kept, ref: 'Addendum 1', status: 'approved', by: null, changes: [] },
        {
          teamId: old,
          ref: 'Deelmatrix zoals die gold vóór de geschiedenis werd bijgehouden',
          status: 'approved',
          by: null,
          changes: [
            { sourceKind: 'politie', category: 'naw', audience: 'gemeenten', from: null },
            { sourceKind: 'gemeente', category: 'bsn', audience: 'all', from: null },
          ],
        },
      ]);
      // Running it again adds nothing: every team now has its history.
      migrate(db, { migrationsFolder: migrations });
      expect((sqlite.prepare('SELECT count(*) AS n FROM sharing_proposals').get() as { n: number }).n).toBe(2);
      sqlite.close();
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});
