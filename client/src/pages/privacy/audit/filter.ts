// The Logboek's filters live in the URL, so a filtered view can be bookmarked and survives a
// reload; what the address says is checked here before it goes to audit.list.

export type AuditParams = {
  handeling?: string;
  gebruiker?: string;
  casus?: string;
  van?: string;
  tot?: string;
  betrokkene?: string;
};

export type AuditFilter = {
  action: string | null;
  actorId: number | null;
  caseCode: string | null;
  from: string | null;
  to: string | null;
  subjectId: string | null;
};

const isDay = (s: string | undefined): s is string => Boolean(s && /^\d{4}-\d{2}-\d{2}$/.test(s));
const isSubjectId = (s: string | undefined): s is string => Boolean(s && /^[A-Za-z0-9_-]{1,100}$/.test(s));

export function auditFilter(params: AuditParams): AuditFilter {
  return {
    action: params.handeling && /^[a-z_.]+$/.test(params.handeling) ? params.handeling : null,
    actorId: Number(params.gebruiker) > 0 ? Number(params.gebruiker) : null,
    caseCode: params.casus?.trim() || null,
    from: isDay(params.van) ? params.van : null,
    to: isDay(params.tot) ? params.tot : null,
    subjectId: isSubjectId(params.betrokkene) ? params.betrokkene : null,
  };
}

/** The export follows the filters that are applied: a person, or a whole period; else none. */
export function exportHref(f: AuditFilter): string | null {
  const q = new URLSearchParams();
  if (f.subjectId) q.set('subject', f.subjectId);
  else if (f.from && f.to) {
    q.set('from', f.from);
    q.set('to', f.to);
  } else return null;
  return `/export/audit.csv?${q.toString()}`;
}
