// Issue 8, item 11: `npm run create-admin` applies the app's password policy.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function createAdmin(dataDir: string, password: string) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'server/cli/create-admin.ts',
      '--team',
      'pit',
      '--email',
      'beheer@example.nl',
      '--name',
      'Functioneel Beheerder',
    ],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: password, NODE_ENV: 'production' },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('create-admin', () => {
  it('refuses a guessable password and one with the e-mail address, with the Dutch reason; accepts a strong one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overleg-admin-'));
    try {
      expect(createAdmin(dataDir, '123456789012')).toMatchObject({
        status: 2,
        stderr: 'Kies een sterker wachtwoord: Dit wachtwoord wordt veel gebruikt. Voeg meer woorden toe die minder vaak voorkomen.',
      });
      expect(createAdmin(dataDir, 'beheer-peelland-2026')).toMatchObject({
        status: 2,
        stderr: 'Kies een sterker wachtwoord: het mag uw naam of e-mailadres niet bevatten.',
      });
      expect(createAdmin(dataDir, 'paard-batterij-nietje-correct')).toMatchObject({
        status: 0,
        stdout: 'Beheerder beheer@example.nl aangemaakt voor PIT Peelland.',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
