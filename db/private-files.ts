// The database, its WAL, the backups and the key hold (encrypted) personal data and the means to
// read it: only the service account may read them (BIO 12.4 / art. 20.2 covenant: protected
// against unauthorised access). Folders 0700, files 0600 — whatever the process umask is.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) and makes `dir` itself 0700; parents are not ours to change. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes `file` exist with mode 0600 before anything writes to it: SQLite then keeps that mode,
 * and gives its -wal and -shm files the mode of the database file. An existing file (an older
 * install) is narrowed to 0600.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows files that already exist (e.g. a WAL left by an older version) to 0600. */
export function restrictExisting(...files: string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
