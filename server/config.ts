import { resolve } from 'node:path';

export type Config = {
  production: boolean;
  dataDir: string;
  host: string;
  port: number;
  /** Extra origins allowed to call mutations, e.g. the public URL behind a reverse proxy. */
  allowedOrigins: string[];
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of us. */
  trustProxy: boolean;
  publicUrl: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  smtpUrl: string | null;
  mailFrom: string;
  maxBodyBytes: number;
  /** How often an open live stream re-checks its session and reader without any event (ms). */
  liveRecheckMs: number;
};

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    production: env.NODE_ENV === 'production',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 3000),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') || null,
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 120),
    sessionMaxHours: int(env.SESSION_MAX_HOURS, 12),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Overleg <overleg@localhost>',
    maxBodyBytes: int(env.MAX_BODY_BYTES, 1_000_000),
    liveRecheckMs: 30_000,
  };
}
