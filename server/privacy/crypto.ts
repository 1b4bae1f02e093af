import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../db/private-files';

// P5: personal data values are encrypted at rest with AES-256-GCM.
// P4 (art. 20.10): police items use a key of their own, derived separately from the master key.
// P6: the audit chain's HMAC key is derived with HKDF and lives only in memory, never in the
// database, so whoever can write the database still cannot recompute a valid chain.
export type DataKeys = { general: Buffer; police: Buffer; audit: Buffer };

function derive(master: Buffer, purpose: string): Buffer {
  return createHmac('sha256', master).update(`overleg:${purpose}:v1`).digest();
}

export function keysFromMaster(master: Buffer): DataKeys {
  if (master.length < 32) throw new Error('APP_DATA_KEY must be at least 32 bytes (64 hex characters or 44 base64)');
  const audit = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'overleg:audit-chain:v1', 32));
  return { general: derive(master, 'general'), police: derive(master, 'police'), audit };
}

function parseMaster(value: string): Buffer {
  const trimmed = value.trim();
  return /^[0-9a-f]{64,}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/** The key comes from APP_DATA_KEY, or from `data/overleg.key`, created with mode 0600 on first start. */
export function loadDataKeys(dataDir: string, envKey: string | undefined): DataKeys {
  if (envKey) return keysFromMaster(parseMaster(envKey));
  const file = join(dataDir, 'overleg.key');
  if (!existsSync(file)) {
    ensurePrivateDir(dataDir);
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  }
  chmodSync(file, PRIVATE_FILE_MODE);
  return keysFromMaster(parseMaster(readFileSync(file, 'utf8')));
}

const VERSION = 'v1';

export function encryptValue(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

export function decryptValue(key: Buffer, stored: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
