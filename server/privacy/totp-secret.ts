/**
 * The second factor's secrets at rest: only server/privacy/ holds the crypto (issue 12). A TOTP
 * secret is encrypted under a key of its own, derived from the general data key, so it is no key
 * for personal data and vice versa (BIO 9.4.2).
 */
import { createHmac } from 'node:crypto';
import { decryptValue, encryptValue, type DataKeys } from './crypto';

/** A key for one second-factor purpose ('totp-secret', 'recovery-code'), derived from the general key. */
export const twoFactorSubKey = (keys: DataKeys, purpose: string) =>
  createHmac('sha256', keys.general).update(`overleg:${purpose}:v1`).digest();

export const sealTotpSecret = (keys: DataKeys, secret: string) => encryptValue(twoFactorSubKey(keys, 'totp-secret'), secret);

export const openTotpSecret = (keys: DataKeys, stored: string) => decryptValue(twoFactorSubKey(keys, 'totp-secret'), stored);
