import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
const options = {
  algorithm: 2 /* Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;

// The hash runs on libuv's thread pool (the library's async API), never on the event loop. At
// most HASH_CONCURRENCY run at once so a flood of logins leaves pool threads (files, DNS) and a
// core for everyone else (a server of two cores: one hash at a time, ~20 logins a second); beyond HASH_QUEUE_MAX waiting, an attempt is refused at once (issue 8.5).
export const HASH_CONCURRENCY = 1;
export const HASH_QUEUE_MAX = 64;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= HASH_QUEUE_MAX) throw new AppError('TOO_MANY_REQUESTS', 'busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return limited(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed login, never a crash that tells the caller more.
      return false;
    }
  });
}

// Verified against when the e-mail is unknown, so a failed login takes as long either way and
// does not reveal whether the account exists.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('overleg-dummy-password-for-timing');
  return dummyHash;
}
