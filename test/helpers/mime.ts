// Reads what the SMTP sink received: the decoded text of a message and its attachments, by
// content type (enough MIME for nodemailer's output: one level of multipart, base64 or QP).

/** Quoted-printable soft line breaks and escapes undone. */
export const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

export type MimePart = { headers: string; contentType: string; filename: string | null; body: string };

function decodePart(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Every leaf part of the message, decoded. */
export function mimeParts(raw: string): MimePart[] {
  const split = (text: string): MimePart[] => {
    const at = text.search(/\r?\n\r?\n/);
    const headers = text.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
    const body = text.slice(at).replace(/^\r?\n\r?\n/, '');
    const contentType = /content-type:\s*([^;\r\n]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? 'text/plain';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (contentType.startsWith('multipart/') && boundary) {
      return body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith('--'))
        .flatMap((p) => split(p.replace(/^\r?\n/, '')));
    }
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? null;
    return [{ headers, contentType, filename, body: decodePart(headers, body) }];
  };
  return split(raw);
}

/** The whole message as a reader would see it: headers plus every decoded part. */
export const wholeMail = (raw: string) =>
  [raw.slice(0, raw.search(/\r?\n\r?\n/)), ...mimeParts(raw).map((p) => p.body)].join('\n').replace(/\r\n/g, '\n');
