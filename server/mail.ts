/**
 * Outgoing e-mail (nodemailer over SMTP_URL). The transporter is created lazily on first use and
 * kept per SMTP URL. Mail bodies never carry personal data (P7): callers send links, team names
 * and dates only.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config';

const transporters = new Map<string, Transporter>();

export function mailConfigured(config: Pick<Config, 'smtpUrl'>): boolean {
  return Boolean(config.smtpUrl);
}

function transporterFor(smtpUrl: string): Transporter {
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    transporter = nodemailer.createTransport(smtpUrl);
    transporters.set(smtpUrl, transporter);
  }
  return transporter;
}

/** An attachment such as an overleg's `.ics` (text/calendar): never personal data either. */
export type MailAttachment = { filename: string; content: string; contentType: string };

export type OutgoingMail = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

/** Sends one message; throws when mail is not configured (check `mailConfigured` first). */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, mail: OutgoingMail): Promise<void> {
  if (!config.smtpUrl) throw new Error('mail is not configured');
  await transporterFor(config.smtpUrl).sendMail({ from: config.mailFrom, ...mail });
}

/** The base URL for links in e-mail: PUBLIC_URL, or the address the server listens on. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

/** Closes all pooled connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const t of transporters.values()) t.close();
  transporters.clear();
}
