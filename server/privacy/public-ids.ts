/**
 * Opaque ids for betrokkenen, their personal data items and controle findings (issue 8 item 9).
 * Row ids count up over every team and every partner: the gaps in the ids one reader sees would
 * tell how many betrokkenen, police items or police findings are hidden from them (art. 20.5),
 * and a police item would show itself by its table. The API therefore never shows those row ids. It shows one AES-256 block
 * (kind, team, row id and a zero check) under a key derived from the data key, base64url: the
 * same betrokkene keeps the same id, but ids say nothing about order, count, table or team.
 *
 * Decoding checks the zero bytes, the kind and the reader's team; anything else is `null`, which
 * callers answer with NOT_FOUND — the same answer as for an id that never existed.
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { DataKeys } from './crypto';

const kinds = { subject: 1, item: 2, policeItem: 3, finding: 4 } as const;
export type PublicIdKind = keyof typeof kinds;

// Layout of the 16-byte block: kind (1), team id (4), row id (6), zero check (5).
const CHECK_FROM = 11;
const MAX_ROW_ID = 2 ** 48 - 1;

const derived = new WeakMap<DataKeys, Buffer>();
function idKey(keys: DataKeys): Buffer {
  let key = derived.get(keys);
  if (!key) {
    key = createHmac('sha256', keys.general).update('overleg/public-ids/v1').digest();
    derived.set(keys, key);
  }
  return key;
}

export function encodePublicId(keys: DataKeys, kind: PublicIdKind, teamId: number, rowId: number): string {
  if (!Number.isSafeInteger(rowId) || rowId < 1 || rowId > MAX_ROW_ID) throw new Error('row id out of range');
  const block = Buffer.alloc(16);
  block.writeUInt8(kinds[kind], 0);
  block.writeUInt32BE(teamId, 1);
  block.writeUIntBE(rowId, 5, 6);
  const cipher = createCipheriv('aes-256-ecb', idKey(keys), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
}

/** The row id behind `publicId` when it is one of `accepted` kinds of `teamId`; otherwise null. */
export function decodePublicId(
  keys: DataKeys,
  accepted: PublicIdKind[],
  teamId: number,
  publicId: string,
): { kind: PublicIdKind; rowId: number } | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(publicId)) return null;
  const sealed = Buffer.from(publicId, 'base64url');
  if (sealed.length !== 16) return null;
  const decipher = createDecipheriv('aes-256-ecb', idKey(keys), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  if (block.subarray(CHECK_FROM).some((b) => b !== 0)) return null;
  const kind = accepted.find((k) => kinds[k] === block.readUInt8(0));
  if (!kind || block.readUInt32BE(1) !== teamId) return null;
  const rowId = block.readUIntBE(5, 6);
  return rowId >= 1 ? { kind, rowId } : null;
}
