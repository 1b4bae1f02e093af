// The vocabularies of the covenants, shared by schema, server validation and client.

export const partnerKinds = ['gemeente', 'politie', 'veiligheidsregio', 'sociale_dienst', 'belastingen', 'overig'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const roles = ['coordinator', 'member', 'privacy', 'admin', 'viewer'] as const;
export type Role = (typeof roles)[number];

// P1 (art. 20.3–20.7, 20.9): nothing else is stored about a person. `geslacht` may be exchanged
// (20.3d, 20.4d) but art. 20.9 leaves it out of what is recorded, so it is no category here.
export const itemCategories = ['naw', 'geboortedatum', 'bsn', 'telefoon', 'kenteken', 'naleving'] as const;
export type ItemCategory = (typeof itemCategories)[number];

// Who may see an item of a given source kind and category, besides the source partner itself
// and the coordinator. `gemeenten`: art. 20.5 — police data go to the municipalities only.
export const audiences = ['all', 'gemeenten'] as const;
export type Audience = (typeof audiences)[number];

export const reportingCadences = ['yearly', 'half_yearly'] as const;
export type ReportingCadence = (typeof reportingCadences)[number];

/** A covenant, annex or addendum: proposed, then approved or rejected by the FG (four-eyes). */
export const approvalStates = ['proposed', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof approvalStates)[number];

/** The FG's decision per casus when the team winds down (PIT art. 14.5, 21): hand back or erase. */
export const windDownDecisions = ['hand_back', 'erase'] as const;
export type WindDownDecision = (typeof windDownDecisions)[number];

// `ingetrokken`: a signal recorded by mistake, withdrawn by the coordinator (its personal data erased).
export const caseStatuses = ['signaal', 'actief', 'afgerond', 'ingetrokken'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
// The casussen still being worked on: neither closed nor withdrawn.
export const runningCaseStatuses = ['signaal', 'actief'] as const satisfies readonly CaseStatus[];

// art. 2.6 (PIT): requests of the AVO get priority.
export const caseOrigins = ['eigen_waarneming', 'melding', 'avo_verzoek'] as const;
export type CaseOrigin = (typeof caseOrigins)[number];

export const casePriorities = ['normaal', 'hoog'] as const;

export const subjectKinds = ['person', 'company'] as const;

export const agreementStatuses = ['open', 'uitgevoerd', 'vervallen'] as const;

export const taskStatuses = ['open', 'gereed', 'vervallen'] as const;

// What a change to a task or werkafspraak was, in its change log (work_changes).
export const workChangeKinds = ['updated', 'lapsed', 'reopened', 'blocked', 'unblocked'] as const;
export type WorkChangeKind = (typeof workChangeKinds)[number];
export type TaskStatus = (typeof taskStatuses)[number];

export const meetingStatuses = ['concept', 'gepubliceerd', 'bezig', 'gesloten'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const agendaSections = [
  'opening',
  'verslag',
  'nieuwe_casussen',
  'lopende_casussen',
  'controles',
  'themas',
  'rondvraag',
  'sluiting',
] as const;
export type AgendaSection = (typeof agendaSections)[number];

export const agendaItemStates = ['voorgesteld', 'geaccepteerd', 'afgewezen'] as const;

// In the order the attendance form offers them: present, sent regrets (afgemeld), absent without notice.
export const attendanceStatuses = ['aanwezig', 'afgemeld', 'afwezig'] as const;
/** What a partner announces before an overleg: regrets, or a delegate (issue 9 item 13). */
export const regretKinds = ['afgemeld', 'vervanger'] as const;

export const minutesStatuses = ['concept', 'definitief', 'vastgesteld'] as const;

export const controlStatuses = ['gepland', 'uitgevoerd', 'geannuleerd'] as const;

export const escalationStatuses = ['open', 'afgehandeld'] as const;

// P12 (BIT art. 6.7, AVG art. 16–19): what happened to an item after it was recorded.
export const itemChangeKinds = ['correctie', 'verwijdering', 'beperking', 'opheffing'] as const;
export type ItemChangeKind = (typeof itemChangeKinds)[number];

// art. 22 (P10): the breach register's states.
export const breachStatuses = ['gemeld', 'in_behandeling', 'afgesloten'] as const;
export type BreachStatus = (typeof breachStatuses)[number];
/** The AP meldformulier's "aard van de inbreuk": confidentiality, integrity, availability. */
export const breachNatures = ['vertrouwelijkheid', 'integriteit', 'beschikbaarheid'] as const;

// Issue 11 item 2 (art. 24): data-subject requests.
export const dsrKinds = ['inzage', 'rectificatie', 'verwijdering', 'beperking', 'bezwaar'] as const;
export type DsrKind = (typeof dsrKinds)[number];
export const dsrStatuses = ['open', 'afgehandeld'] as const;
export const dsrDecisions = ['toegewezen', 'deels_toegewezen', 'afgewezen'] as const;
