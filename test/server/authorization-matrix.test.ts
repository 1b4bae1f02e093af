// Issue 8 item 17: the authorization matrix, generated from the router. Every procedure of the
// app router must have an entry below (a new procedure cannot be forgotten). Each one is called
// as anonymous, as every role, as a member of every partner kind and as users of the other team:
//  - the role gate answers exactly UNAUTHORIZED / FORBIDDEN, or lets the call through (and a
//    read then answers with the team's own ids);
//  - for every id the procedure takes, another team's id answers EXACTLY as a missing id (same
//    code and message, or the same result), one id at a time and all at once.
// Every call runs in a transaction that is rolled back, so all calls see the same data.
import { beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { retentionLists, type Role } from '../../db/schema';
import { appRouter } from '../../server/routers';
import { describeError } from '../../server/trpc';
import { translate } from '../../server/i18n/messages';
import { createSession, type SessionUser } from '../../server/auth/sessions';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { joinApproved } from '../helpers/partners';
import { closeMeeting, insertMeeting } from '../helpers/meetings';

// ── The ids a procedure can take ────────────────────────────────────────────────────────────

type Ids = {
  case: number;
  meeting: number;
  closedMeeting: number;
  agendaItem: number;
  agreement: number;
  task: number;
  control: number;
  finding: string;
  escalation: number;
  partner: number;
  gemeente: number;
  user: number;
  coordinator: number;
  theme: number;
  subject: string;
  item: string;
  breach: number;
  retentionList: number;
  covenant: number;
  request: number;
  joining: number;
  suspension: number;
  sharingProposal: number;
};
type IdKey = keyof Ids;

const MISSING_NUMBER = 999_999_999;
const missingIds: Ids = {
  case: MISSING_NUMBER,
  meeting: MISSING_NUMBER,
  closedMeeting: MISSING_NUMBER,
  agendaItem: MISSING_NUMBER,
  agreement: MISSING_NUMBER,
  task: MISSING_NUMBER,
  control: MISSING_NUMBER,
  finding: 'AAAAAAAAAAAAAAAAAAAAAA',
  escalation: MISSING_NUMBER,
  partner: MISSING_NUMBER,
  gemeente: MISSING_NUMBER,
  user: MISSING_NUMBER,
  coordinator: MISSING_NUMBER,
  theme: MISSING_NUMBER,
  subject: 'AAAAAAAAAAAAAAAAAAAAAA',
  item: 'AAAAAAAAAAAAAAAAAAAAAA',
  breach: MISSING_NUMBER,
  retentionList: MISSING_NUMBER,
  covenant: MISSING_NUMBER,
  request: MISSING_NUMBER,
  joining: MISSING_NUMBER,
  suspension: MISSING_NUMBER,
  sharingProposal: MISSING_NUMBER,
};

// ── The table: who passes the gate, and an input built from ids ─────────────────────────────

type Gate = 'public' | Role[];
type Who = { role: Role; partnerId: number | null };
/** `readRefusal`: the one domain refusal a read may answer an allowed caller (e.g. not participating). */
type Entry = { gate: Gate; input?: (ids: Ids, who: Who) => unknown; readRefusal?: string };

const all: Role[] = ['coordinator', 'member', 'admin', 'privacy', 'viewer'];
const coordinator: Role[] = ['coordinator'];
const teamManager: Role[] = ['coordinator', 'admin'];
const casework: Role[] = ['coordinator', 'member'];
const caseReader: Role[] = ['coordinator', 'member', 'privacy'];
const teamReader: Role[] = ['coordinator', 'member', 'admin', 'privacy'];
const privacy: Role[] = ['privacy'];
const covenantReaders: Role[] = ['coordinator', 'admin', 'privacy'];

const asSource = (ids: Ids, who: Who) => (who.role === 'coordinator' ? ids.gemeente : null);
const address = (ids: Ids) => ({
  gemeentePartnerId: ids.gemeente,
  street: 'Matrixstraat',
  houseNumber: 7,
  postcode: '5701 AB',
  city: 'Helmond',
  theme: ids.theme,
});
const item = [{ category: 'naleving', value: 'Vermoedelijk bewoning van bedrijfspand' }];

const table: Record<string, Entry> = {
  'auth.login': { gate: 'public', input: () => ({ email: 'niemand@matrix.test', password: 'verkeerd-wachtwoord' }) },
  'auth.logout': { gate: all },
  'auth.me': { gate: all },
  'auth.setLocale': { gate: all, input: () => ({ locale: 'nl' }) },
  'auth.taskDigest': { gate: all },
  'auth.setTaskDigest': { gate: all, input: () => ({ enabled: false }) },
  'auth.changePassword': {
    gate: all,
    input: () => ({ currentPassword: 'verkeerd-wachtwoord', newPassword: 'een-nieuw-lang-wachtwoord-42' }),
  },
  'auth.loginCode': { gate: 'public', input: () => ({ challenge: 'geen-bestaande-uitdaging', code: '123456' }) },
  'auth.activation': { gate: 'public', input: () => ({ token: 'geen-bestaande-activatielink' }), readRefusal: 'activation.invalid' },
  'auth.activate': { gate: 'public', input: () => ({ token: 'geen-bestaande-activatielink', password: 'een-nieuw-lang-wachtwoord-42' }) },
  // The own second factor and sessions: enrolment works before the team's requirement is met
  // (signedInProcedure), the rest needs it met (authedProcedure); every role has its own.
  'twoFactor.status': { gate: all },
  'twoFactor.begin': { gate: all },
  'twoFactor.confirm': { gate: all, input: () => ({ code: '123456' }) },
  'twoFactor.regenerateRecoveryCodes': { gate: all, input: () => ({ code: '123456' }) },
  'twoFactor.disable': { gate: all, input: () => ({ password: 'verkeerd-wachtwoord' }) },
  'sessions.list': { gate: all },
  'sessions.endOthers': { gate: all },
  'security.events': { gate: ['admin'] },
  'security.lockedAccounts': { gate: ['admin'] },
  'security.unlock': { gate: ['admin'], input: (ids) => ({ userId: ids.user }) },
  'partners.list': { gate: all },
  'partners.join': {
    gate: coordinator,
    input: () => ({ name: 'Nieuwe Partner', shortName: 'NP', kind: 'overig', joinedOn: '2026-11-01' }),
  },
  'partners.joinings': { gate: covenantReaders },
  'partners.recordConsent': {
    gate: coordinator,
    input: (ids) => ({
      joiningId: ids.joining,
      partnerId: ids.partner,
      consentedOn: '2026-11-20',
      consentedBy: 'Directeur',
      reference: 'INST-1',
    }),
  },
  'partners.recordAnnex': { gate: coordinator, input: (ids) => ({ joiningId: ids.joining, annexRef: 'Bijlage 3', version: 1 }) },
  'partners.decideJoining': {
    gate: privacy,
    input: (ids) => ({ joiningId: ids.joining, approve: false, reason: 'Geen bijlage', version: 1 }),
  },
  'partners.leave': {
    gate: teamManager,
    input: (ids) => ({ partnerId: ids.partner, noticeGivenOn: '2026-11-25', leftOn: '2027-02-01', version: 1 }),
  },
  'partners.openTasks': { gate: coordinator },
  'partners.suspend': { gate: coordinator, input: (ids) => ({ partnerId: ids.gemeente, reason: 'Art. 6.6: verzoek stuurgroep' }) },
  'partners.suspensions': { gate: covenantReaders },
  'partners.decideSuspension': { gate: privacy, input: (ids) => ({ id: ids.suspension, approve: true, reason: '', version: 1 }) },
  'partners.liftSuspension': { gate: privacy, input: (ids) => ({ id: ids.suspension, reason: 'Opgeheven', version: 2 }) },
  'team.get': { gate: all },
  'team.members': { gate: teamReader },
  'team.setTwoFactorRequired': { gate: ['admin'], input: () => ({ required: true }) },
  'users.create': {
    gate: teamManager,
    input: (ids) => ({ name: 'Nieuwe Collega', email: 'nieuw@matrix.test', role: 'member', partnerId: ids.partner }),
  },
  'users.reissueActivation': { gate: teamManager, input: (ids) => ({ userId: ids.user }) },
  'users.resetTwoFactor': { gate: ['admin'], input: (ids) => ({ userId: ids.user }) },
  'users.setDisabled': { gate: teamManager, input: (ids) => ({ userId: ids.user, disabled: true }) },
  'subjects.add': {
    gate: casework,
    input: (ids, who) => ({ caseId: ids.case, kind: 'person', items: item, sourcePartnerId: asSource(ids, who) }),
  },
  'subjects.addItems': {
    gate: casework,
    input: (ids, who) => ({ subjectId: ids.subject, items: item, sourcePartnerId: asSource(ids, who) }),
  },
  'subjects.revealBsn': { gate: casework, input: (ids) => ({ itemId: ids.item }) },
  'subjects.setInformed': { gate: casework, input: (ids) => ({ subjectId: ids.subject, informedOn: '2026-11-20', postponedReason: null }) },
  // P12 (issue 11 item 4): correct, erase, restrict and lift — the provider or the coordinator.
  'subjects.correctItem': { gate: casework, input: (ids) => ({ itemId: ids.item, value: '123456782', reason: 'Typefout' }) },
  'subjects.eraseItem': { gate: casework, input: (ids) => ({ itemId: ids.item, reason: 'Onjuist verstrekt' }) },
  'subjects.restrictItem': { gate: casework, input: (ids) => ({ itemId: ids.item, reason: 'Betwist' }) },
  'subjects.liftRestriction': { gate: casework, input: (ids) => ({ itemId: ids.item, reason: 'Bezwaar afgewezen' }) },
  'notices.mine': { gate: casework },
  'notices.acknowledge': { gate: casework, input: () => ({ id: MISSING_NUMBER }) },
  'corrections.history': { gate: privacy },
  'corrections.restricted': { gate: privacy },
  // P14 (issue 11 item 9): access to a casus' betrokkenen with a reason; the FG's list.
  'access.request': { gate: casework, input: (ids) => ({ caseId: ids.case, reason: 'Nodig voor de controle van volgende week' }) },
  'access.list': { gate: privacy },
  'sharing.matrix': { gate: covenantReaders },
  'sharing.limits': { gate: covenantReaders },
  'sharing.history': { gate: covenantReaders },
  'sharing.propose': {
    gate: ['admin'],
    input: () => ({ addendumRef: 'Addendum 2', changes: [{ sourceKind: 'gemeente', category: 'naw', audience: 'gemeenten' }] }),
  },
  'sharing.decide': { gate: privacy, input: (ids) => ({ id: ids.sharingProposal, approve: true, reason: '', version: 1 }) },
  'cases.create': { gate: casework, input: (ids) => address(ids) },
  'cases.update': { gate: coordinator, input: (ids) => ({ ...address(ids), id: ids.case, version: 1 }) },
  'cases.setStatus': { gate: coordinator, input: (ids) => ({ id: ids.case, status: 'actief', version: 1 }) },
  'cases.withdraw': { gate: coordinator, input: (ids) => ({ id: ids.case, version: 1, reason: 'Per abuis aangemaakt' }) },
  'cases.get': { gate: caseReader, input: (ids) => ({ id: ids.case }) },
  'cases.list': { gate: caseReader, input: (ids) => ({ gemeentePartnerId: ids.gemeente, themeId: ids.theme }) },
  'cases.themes': { gate: caseReader },
  'agreements.create': {
    gate: coordinator,
    input: (ids) => ({
      caseId: ids.case,
      text: 'Afspraak',
      responsiblePartnerId: ids.gemeente,
      meetingId: ids.meeting,
      agendaItemId: ids.agendaItem,
    }),
  },
  'agreements.setStatus': { gate: coordinator, input: (ids) => ({ id: ids.agreement, status: 'uitgevoerd', version: 1 }) },
  'agreements.update': {
    gate: coordinator,
    input: (ids) => ({ id: ids.agreement, version: 1, text: 'Afspraak', responsiblePartnerId: ids.gemeente }),
  },
  'agreements.lapse': { gate: coordinator, input: (ids) => ({ id: ids.agreement, version: 1, reason: 'Niet meer nodig' }) },
  'tasks.create': {
    gate: coordinator,
    input: (ids) => ({
      title: 'Taak',
      assigneePartnerId: ids.partner,
      assigneeUserId: ids.user,
      dueDate: '2026-12-10',
      agreementId: ids.agreement,
      meetingId: ids.meeting,
      agendaItemId: ids.agendaItem,
      caseId: ids.case,
    }),
  },
  'tasks.mine': { gate: casework, input: () => ({ includeDone: true }) },
  'tasks.list': {
    gate: coordinator,
    input: (ids) => ({ partnerId: ids.partner, gemeentePartnerId: ids.gemeente, meetingId: ids.meeting }),
  },
  'tasks.complete': { gate: casework, input: (ids) => ({ id: ids.task, resultNote: 'Gedaan' }) },
  'tasks.reopen': { gate: casework, input: (ids) => ({ id: ids.task, version: 1 }) },
  'tasks.reportBlocker': { gate: casework, input: (ids) => ({ id: ids.task, note: 'Geen toegang', version: 1 }) },
  'tasks.resolveBlocker': { gate: casework, input: (ids) => ({ id: ids.task, version: 1, note: 'Toegang geregeld' }) },
  'tasks.lapse': { gate: coordinator, input: (ids) => ({ id: ids.task, version: 1, reason: 'Niet meer nodig' }) },
  'tasks.update': {
    gate: coordinator,
    input: (ids) => ({
      id: ids.task,
      version: 1,
      title: 'Taak',
      assigneePartnerId: ids.partner,
      assigneeUserId: ids.user,
      dueDate: '2026-12-15',
    }),
  },
  'controls.catalogue': { gate: all },
  'controls.plan': { gate: coordinator, input: (ids) => ({ plannedOn: '2026-12-01', caseIds: [ids.case], partnerIds: [ids.partner] }) },
  'controls.update': {
    gate: coordinator,
    input: (ids) => ({ id: ids.control, version: 1, plannedOn: '2026-12-01', caseIds: [ids.case], partnerIds: [ids.partner] }),
  },
  'controls.cancel': { gate: coordinator, input: (ids) => ({ id: ids.control, version: 1 }) },
  'controls.complete': { gate: coordinator, input: (ids) => ({ id: ids.control, version: 1 }) },
  'controls.list': { gate: caseReader, input: (ids) => ({ when: 'all', caseId: ids.case }) },
  'controls.get': { gate: caseReader, input: (ids) => ({ id: ids.control }) },
  'controls.addFinding': {
    gate: casework,
    input: (ids, who) => ({
      controlId: ids.control,
      partnerId: asSource(ids, who),
      caseId: ids.case,
      findingType: 'woon',
      measure: Object.keys(measuresOf())[0],
    }),
  },
  'controls.removeFinding': { gate: casework, input: (ids) => ({ id: ids.finding }) },
  'controls.briefing': {
    gate: casework,
    input: (ids, who) => ({ id: ids.control, partnerId: asSource(ids, who) }),
    readRefusal: 'controls.notParticipating',
  },
  'escalations.raise': { gate: coordinator, input: (ids) => ({ caseId: ids.case, raisedOn: '2026-11-20', reason: 'Knelpunt' }) },
  'escalations.resolve': {
    gate: coordinator,
    input: (ids) => ({ id: ids.escalation, outcome: 'Opgelost', outcomeOn: '2026-11-24', version: 1 }),
  },
  'escalations.list': { gate: caseReader, input: (ids) => ({ caseId: ids.case }) },
  'reports.progress': { gate: all, input: () => ({ from: '2026-01-01', to: '2026-06-30' }) },
  'reports.presets': { gate: all },
  'reports.setThreshold': { gate: teamManager, input: () => ({ threshold: 5 }) },
  'reports.narrative': { gate: all, input: () => ({ from: '2026-01-01', to: '2026-06-30' }) },
  'reports.saveNarrative': {
    gate: coordinator,
    input: () => ({ from: '2026-01-01', to: '2026-06-30', text: 'Toelichting', version: null }),
  },
  'dashboard.get': { gate: all },
  'minutes.get': { gate: casework, input: (ids) => ({ meetingId: ids.closedMeeting }) },
  'minutes.carriedOver': { gate: casework, input: (ids) => ({ meetingId: ids.closedMeeting, cursor: '2026-01-01.1' }) },
  // The verslag export's role check is this procedure's (issue 12), no longer the HTTP layer's.
  'minutes.export': { gate: casework, input: (ids) => ({ meetingId: ids.closedMeeting, format: 'html' }) },
  'minutes.versions': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting }) },
  'minutes.update': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting, version: 1, content: { intro: 'Inleiding' } }) },
  'minutes.finalise': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting }) },
  'minutes.reopen': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting }) },
  'minutes.approve': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting, approvedInMeetingId: ids.meeting }) },
  'minutes.send': { gate: coordinator, input: (ids) => ({ meetingId: ids.closedMeeting }) },
  'minutes.mailConfigured': { gate: casework },
  'meetings.create': { gate: coordinator, input: () => ({ startsAt: '2026-12-15T09:00:00Z' }) },
  'meetings.createSeries': {
    gate: coordinator,
    input: () => ({ weekday: 2, time: '09:30', intervalWeeks: 2, from: '2026-12-01', until: '2027-01-31' }),
  },
  'meetings.list': { gate: casework },
  'meetings.get': { gate: casework, input: (ids) => ({ id: ids.meeting }) },
  'meetings.update': {
    gate: coordinator,
    input: (ids) => ({ id: ids.meeting, version: 2, title: 'Overleg', chairUserId: ids.coordinator }),
  },
  'meetings.remove': { gate: coordinator, input: (ids) => ({ id: ids.meeting }) },
  'meetings.cancel': { gate: coordinator, input: (ids) => ({ id: ids.meeting }) },
  'meetings.publish': { gate: coordinator, input: (ids) => ({ id: ids.meeting }) },
  'meetings.start': { gate: coordinator, input: (ids) => ({ id: ids.meeting }) },
  'meetings.close': { gate: coordinator, input: (ids) => ({ id: ids.meeting }) },
  'meetings.setCurrentItem': { gate: coordinator, input: (ids) => ({ meetingId: ids.meeting, agendaItemId: ids.agendaItem }) },
  'meetings.live': { gate: casework, input: (ids) => ({ meetingId: ids.meeting }) },
  'meetings.calendarFeed': { gate: casework, input: () => ({}) },
  'agenda.template': { gate: teamManager },
  'agenda.setTemplate': {
    gate: teamManager,
    input: () => ({ version: 1, sections: [{ section: 'opening', enabled: true, title: 'Opening', durationMinutes: 5 }] }),
  },
  'agenda.prefill': { gate: coordinator, input: (ids) => ({ meetingId: ids.meeting }) },
  'agenda.add': {
    gate: coordinator,
    input: (ids) => ({ meetingId: ids.meeting, section: 'rondvraag', title: 'Punt', presenterPartnerId: ids.partner, caseId: ids.case }),
  },
  'agenda.update': {
    gate: coordinator,
    input: (ids) => ({ id: ids.agendaItem, version: 1, title: 'Punt', presenterPartnerId: ids.partner, caseId: ids.case }),
  },
  'agenda.remove': { gate: coordinator, input: (ids) => ({ id: ids.agendaItem }) },
  'agenda.reorder': { gate: coordinator, input: (ids) => ({ id: ids.agendaItem, direction: 'up' }) },
  'agenda.propose': { gate: casework, input: (ids) => ({ meetingId: ids.meeting, title: 'Voorstel', caseId: ids.case }) },
  'agenda.accept': { gate: coordinator, input: (ids) => ({ id: ids.agendaItem }) },
  'agenda.decline': { gate: coordinator, input: (ids) => ({ id: ids.agendaItem }) },
  'agenda.saveNotes': { gate: coordinator, input: (ids) => ({ id: ids.agendaItem, notes: 'Notities', decisions: '', version: 1 }) },
  'attendance.set': {
    gate: coordinator,
    input: (ids) => ({ meetingId: ids.meeting, partnerId: ids.partner, status: 'aanwezig', attendeeUserIds: [ids.user] }),
  },
  // A member for their own partner only (partnerMemberProcedure): the partner comes from the session.
  'attendance.announce': { gate: ['member'], input: (ids) => ({ meetingId: ids.meeting, kind: 'vervanger', delegateUserId: ids.user }) },
  'attendance.withdraw': { gate: ['member'], input: (ids) => ({ meetingId: ids.meeting, version: 1 }) },
  'audit.list': { gate: privacy, input: (ids) => ({ actorId: ids.user }) },
  'audit.actors': { gate: privacy },
  'audit.massReadSettings': { gate: privacy },
  'audit.setMassReadSettings': { gate: privacy, input: () => ({ subjects: 40, minutes: 15 }) },
  'audit.verify': { gate: privacy },
  // Issue 11 items 5–6: retention (FG) and the breach register (anyone reports, the FG manages).
  'retention.preview': { gate: privacy },
  'retention.lists': { gate: privacy },
  'retention.run': { gate: privacy },
  'retention.approve': { gate: privacy, input: (ids) => ({ listId: ids.retentionList }) },
  'retention.reject': { gate: privacy, input: (ids) => ({ listId: ids.retentionList, reason: 'Archiefwet' }) },
  'breaches.create': { gate: all, input: () => ({ discoveredAt: '2026-11-25T08:00:00Z', description: 'Verkeerd gemaild' }) },
  'breaches.list': { gate: privacy },
  'breaches.clocks': { gate: privacy },
  'breaches.update': {
    gate: privacy,
    input: (ids) => ({
      id: ids.breach,
      version: 1,
      status: 'in_behandeling',
      policeData: false,
      nature: null,
      dataCategories: '',
      personsAffected: null,
      recordsAffected: null,
      consequences: '',
      measuresTaken: '',
      measuresProposed: '',
      contact: '',
      authorityReportedAt: null,
      authorityReference: null,
      authorityNotRequiredReason: null,
      subjectsDecision: null,
      subjectsDecisionReason: null,
      consultation: '',
      consultedOn: null,
      partnerIds: [ids.partner],
    }),
  },
  'breaches.partnerInformed': {
    gate: privacy,
    input: (ids) => ({ id: ids.breach, partnerId: ids.partner, informedAt: '2026-11-25T08:30:00Z' }),
  },
  'covenants.list': { gate: all },
  'covenants.overview': { gate: all },
  'covenants.propose': {
    gate: teamManager,
    input: () => ({
      title: 'Vervolgconvenant',
      citation: '',
      documentRef: 'REF-1',
      signedOn: '2026-11-20',
      startsOn: '2030-01-01',
      endsOn: '2034-01-01',
      initialTermMonths: null,
      tacitRenewalMonths: null,
      evaluationCallsForChange: false,
      reportingCadence: 'yearly',
      reportRecipient: 'Stuurgroep',
      changes: '',
    }),
  },
  'covenants.proposeAddendum': {
    gate: teamManager,
    input: (ids) => ({
      covenantId: ids.covenant,
      reference: 'Addendum 1',
      changedOn: '2026-11-20',
      description: 'Wijziging',
      newEndsOn: null,
    }),
  },
  'covenants.decide': { gate: privacy, input: (ids) => ({ kind: 'covenant', id: ids.covenant, approve: true, reason: '' }) },
  'covenants.windDown': { gate: caseReader },
  'covenants.decideCase': { gate: privacy, input: (ids) => ({ caseId: ids.case, decision: 'erase', note: '' }) },
  // The FG names the partner, a partner's user gets its own; nothing is handed back in this data.
  'covenants.handback': {
    gate: caseReader,
    input: (ids, who) => ({ caseId: ids.case, partnerId: who.role === 'privacy' ? ids.gemeente : null, format: 'html' }),
    readRefusal: 'covenants.handbackNotDecided',
  },
  'audit.export': { gate: privacy, input: () => ({ from: '2026-11-01', to: '2026-11-30' }) },
  // Issue 11 items 1–3, 8: data-subject rights.
  'dsr.search': { gate: ['coordinator', 'privacy'], input: () => ({ query: 'Etrokkene' }) },
  'dsr.create': {
    gate: privacy,
    input: (ids) => ({ kind: 'inzage', receivedOn: '2026-11-20', receivedByPartnerId: ids.gemeente, subjectIds: [ids.subject] }),
  },
  'dsr.list': { gate: privacy },
  'dsr.get': { gate: privacy, input: (ids) => ({ id: ids.request }) },
  'dsr.extend': { gate: privacy, input: (ids) => ({ id: ids.request, reason: 'Veel partners' }) },
  'dsr.forward': { gate: privacy, input: (ids) => ({ id: ids.request }) },
  'dsr.recordReport': {
    gate: privacy,
    input: (ids) => ({ id: ids.request, partnerId: ids.gemeente, reportedOn: '2026-11-24', report: 'Afgehandeld' }),
  },
  'dsr.decide': { gate: privacy, input: (ids) => ({ id: ids.request, decision: 'toegewezen', note: '' }) },
  'dsr.bundle': { gate: privacy, input: (ids) => ({ id: ids.request }) },
  'dsr.notInformed': { gate: ['coordinator', 'privacy'] },
};

let measureCatalogue: Record<string, unknown> = {};
const measuresOf = () => measureCatalogue;

// ── Both teams' data, built through the procedures ──────────────────────────────────────────

/**
 * `sessionToken`: a real session of the user, as a request over HTTP carries. `meetings.live`
 * re-validates the session for as long as the stream is open, so it refuses a caller without one.
 */
type Principal = { label: string; user: SessionUser | null; sessionToken: string | null; ids: Ids | null; otherIds: Ids | null };

async function teamData(deps: TestDeps, slug: 'pit' | 'bit') {
  const team = makeTeam(deps, slug, slug === 'pit' ? { endsOn: '2030-01-01' } : {});
  const [g1, g2] = slug === 'pit' ? ['helmond', 'asten'] : ['hilversum', 'laren'];
  const users = {
    coordinator: await makeUser(deps, team, 'coordinator', g1),
    member: await makeUser(deps, team, 'member', g2),
    admin: await makeUser(deps, team, 'admin'),
    privacy: await makeUser(deps, team, 'privacy'),
    viewer: await makeUser(deps, team, 'viewer', g1),
    gemeente: await makeUser(deps, team, 'member', g1),
    politie: await makeUser(deps, team, 'member', 'politie'),
  };
  const coord = callerFor(deps, users.coordinator);
  const { id: caseId } = await makeCase(deps, team, users.coordinator);
  const { id: subject } = await callerFor(deps, users.member).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: `B. Etrokkene ${slug}, Markt 1` },
      { category: 'bsn', value: '111222333', legalGround: 'art. 20.3c' },
    ],
  });
  const item = (await coord.cases.get({ id: caseId })).subjects[0]!.items.find((i) => i.category === 'bsn')!.id;
  const { id: meeting } = await coord.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
  const { id: agendaItem } = await coord.agenda.add({ meetingId: meeting, section: 'lopende_casussen', title: 'Bespreking pand', caseId });
  await coord.meetings.publish({ id: meeting });
  const closed = insertMeeting(deps, team, { startsAt: '2026-11-17T09:00:00.000Z', status: 'bezig', chair: users.coordinator });
  closeMeeting(deps, users.coordinator, closed.id);
  await coord.minutes.finalise({ meetingId: closed.id });
  const { id: agreement } = await coord.agreements.create({ caseId, text: 'Werkafspraak', responsiblePartnerId: team.partnerIds[g1]! });
  const { id: task } = await coord.tasks.create({ title: 'Taak', assigneePartnerId: team.partnerIds[g2]!, dueDate: '2026-12-10', caseId });
  const { id: control } = await coord.controls.plan({
    plannedOn: '2026-11-25',
    caseIds: [caseId],
    partnerIds: [team.partnerIds[g1]!, team.partnerIds.politie!],
  });
  const catalogue = await coord.controls.catalogue();
  measureCatalogue = catalogue.measures;
  const { id: finding } = await coord.controls.addFinding({
    controlId: control,
    partnerId: team.partnerIds[g1]!,
    caseId,
    findingType: 'woon',
    measure: Object.keys(catalogue.measures)[0] as never,
  });
  const { id: escalation } = await coord.escalations.raise({ caseId, raisedOn: '2026-11-20', reason: 'Knelpunt' });
  const theme = (await coord.cases.themes())[0]!.id;
  const { id: breach } = await coord.breaches.create({ discoveredAt: '2026-11-25T08:00:00Z', description: 'Matrixincident' });
  const covenant = (await coord.covenants.list()).find((c) => c.status === 'in_force')!.id;
  const retentionList = deps.db
    .insert(retentionLists)
    .values({ teamId: team.teamId, createdAt: deps.now().toISOString(), status: 'open' })
    .returning()
    .get().id;
  const { id: request } = await callerFor(deps, users.privacy).dsr.create({
    kind: 'inzage',
    receivedOn: '2026-11-20',
    receivedByPartnerId: team.partnerIds[g1]!,
    subjectIds: [subject],
  });
  const { joiningId: joining } = await coord.partners.join({
    name: `Aanvrager ${slug}`,
    shortName: 'Aanvrager',
    kind: 'gemeente',
    joinedOn: '2026-12-01',
  });
  const { id: suspension } = await coord.partners.suspend({ partnerId: team.partnerIds.politie!, reason: 'Art. 6.6' });
  const { id: sharingProposal } = await callerFor(deps, users.admin).sharing.propose({
    addendumRef: 'Addendum 1',
    changes: [{ sourceKind: 'gemeente', category: 'telefoon', audience: 'gemeenten' }],
  });
  const ids: Ids = {
    case: caseId,
    meeting,
    closedMeeting: closed.id,
    agendaItem,
    agreement,
    task,
    control,
    finding,
    escalation,
    partner: team.partnerIds[g2]!,
    gemeente: team.partnerIds[g1]!,
    user: users.member.id,
    coordinator: users.coordinator.id,
    theme,
    subject,
    item,
    breach,
    retentionList,
    covenant,
    request,
    joining,
    suspension,
    sharingProposal,
  };
  return { team, users, ids };
}

let deps: TestDeps;
let principals: Principal[];

beforeAll(async () => {
  deps = createTestDeps();
  const pit = await teamData(deps, 'pit');
  const bit = await teamData(deps, 'bit');
  pit.team.partnerIds.stichting = await joinApproved(deps, pit.team, {
    name: 'Stichting Voorbeeld',
    shortName: 'Stichting',
    kind: 'overig',
    joinedOn: '2026-01-01',
  });
  const kind = async (slug: string) => makeUser(deps, pit.team, 'member', slug);
  const session = (user: SessionUser) => createSession(deps.db, deps.config, user.id, deps.now()).token;
  const inPit = (label: string, user: SessionUser): Principal => ({
    label,
    user,
    sessionToken: session(user),
    ids: pit.ids,
    otherIds: bit.ids,
  });
  const inBit = (label: string, user: SessionUser): Principal => ({
    label,
    user,
    sessionToken: session(user),
    ids: bit.ids,
    otherIds: pit.ids,
  });
  principals = [
    { label: 'anonymous', user: null, sessionToken: null, ids: null, otherIds: null },
    inPit('coordinator', pit.users.coordinator),
    inPit('member', pit.users.member),
    inPit('admin', pit.users.admin),
    inPit('privacy', pit.users.privacy),
    inPit('viewer', pit.users.viewer),
    inPit('member gemeente', pit.users.gemeente),
    inPit('member politie', pit.users.politie),
    inPit('member sociale_dienst', await kind('senzer')),
    inPit('member veiligheidsregio', await kind('vrbzo')),
    inPit('member belastingen', await kind('bsob')),
    inPit('member overig', await kind('stichting')),
    inBit('other team coordinator', bit.users.coordinator),
    inBit('other team member', bit.users.member),
    inBit('other team admin', bit.users.admin),
    inBit('other team privacy', bit.users.privacy),
  ];
}, 120_000);

// ── Calling ─────────────────────────────────────────────────────────────────────────────────

type Outcome = { ok: string } | { code: string; key: string; message: string };

/** One call in a transaction that is rolled back: every call sees the same data. */
async function call(p: Principal, path: string, input: unknown): Promise<Outcome> {
  const client = deps.db.$client;
  client.exec('BEGIN');
  try {
    const procedure = path
      .split('.')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key],
        callerFor(deps, p.user, { sessionToken: p.sessionToken }),
      ) as (input: unknown) => Promise<unknown>;
    const result = await procedure(input);
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
      return { ok: 'stream' };
    }
    return { ok: JSON.stringify(result ?? null) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { key, message } = describeError(error, 'nl');
    return { code: error.code, key, message };
  } finally {
    client.exec('ROLLBACK');
  }
}

const isGateError = (o: Outcome) =>
  'code' in o && ((o.code === 'UNAUTHORIZED' && o.key === 'auth.required') || (o.code === 'FORBIDDEN' && o.key === 'auth.forbidden'));

function expectedGate(entry: Entry, p: Principal): Outcome | 'allowed' {
  if (entry.gate === 'public') return 'allowed';
  if (!p.user) return { code: 'UNAUTHORIZED', key: 'auth.required', message: translate('auth.required', 'nl') };
  if (!entry.gate.includes(p.user.role)) return { code: 'FORBIDDEN', key: 'auth.forbidden', message: translate('auth.forbidden', 'nl') };
  return 'allowed';
}

// At run time the router's record is flat, keyed by the full path ('cases.get').
const routerProcedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const procedures = Object.keys(routerProcedures).sort();
const kindOf = (path: string) => routerProcedures[path]!._def.type;
const idKeys = Object.keys(missingIds) as IdKey[];

describe('authorization matrix', () => {
  it('has an entry for every procedure of the router, and none for a procedure that is gone', () => {
    expect(
      procedures.filter((p) => !(p in table)),
      'procedures without an entry in the matrix',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((p) => !procedures.includes(p)),
      'entries without a procedure',
    ).toEqual([]);
    expect(procedures).toContain('meetings.live');
  });

  for (const path of procedures) {
    it(path, async () => {
      const entry = table[path];
      if (!entry) throw new Error(`${path} has no entry in the authorization matrix`);
      for (const p of principals) {
        const who: Who = { role: p.user?.role ?? 'viewer', partnerId: p.user?.partnerId ?? null };
        const own = p.ids ?? missingIds;
        const input = (ids: Ids) => entry.input?.(ids, who);
        const gate = expectedGate(entry, p);
        const outcome = await call(p, path, input(own));
        if (gate === 'allowed') {
          expect(isGateError(outcome), `${path} as ${p.label}: ${JSON.stringify(outcome)}`).toBe(false);
          // Reads (queries, the live stream) answer every allowed caller with the team's own ids.
          if (kindOf(path) !== 'mutation' && 'code' in outcome) expect(outcome.key, `${path} as ${p.label}`).toBe(entry.readRefusal);
        } else {
          expect(outcome, `${path} as ${p.label}`).toEqual(gate);
          continue;
        }
        if (!p.otherIds || !entry.input) continue;
        // Every id the procedure takes, one at a time (the others the caller's own), then all at once.
        const variants: { label: string; other: Ids; missing: Ids }[] = [];
        for (const key of idKeys) {
          const other = { ...own, [key]: p.otherIds[key] };
          if (JSON.stringify(input(other)) === JSON.stringify(input(own))) continue;
          variants.push({ label: key, other, missing: { ...own, [key]: missingIds[key] } });
        }
        if (variants.length > 1) variants.push({ label: 'all ids', other: p.otherIds, missing: missingIds });
        for (const v of variants) {
          const asOther = await call(p, path, input(v.other));
          const asMissing = await call(p, path, input(v.missing));
          expect(asOther, `${path} as ${p.label}, another team's ${v.label} vs a missing one`).toEqual(asMissing);
        }
      }
    });
  }
});
