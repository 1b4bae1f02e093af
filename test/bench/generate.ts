// History generator for the benchmark (issue 12): N years of one team's realistic work, written
// with prepared inserts in a few transactions so 10 years take seconds, not hours. Per year about
// 1,000 casussen (2 betrokkenen, 8 items encrypted through the real crypto), 1,000 werkafspraken,
// 3,000 tasks, 50 overleggen with agenda, attendance and a vastgesteld verslag, and the audit log
// to match (a valid hash chain). The open working set — the last year's open casussen, open tasks,
// today's running overleg and the next one — is the same whatever the number of years, so the
// growth between 1× and 10× measures history only.
import { auditKeyOf, keyedRowHash } from '../../server/audit';
import type { TestDeps } from '../helpers/deps';
import { makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { encryptValue } from '../../server/privacy/crypto';
import { backfillBlindIndex } from '../../server/privacy/personal-data';
import type { SessionUser } from '../../server/auth/sessions';

const DAY = 86_400_000;
const CASES_PER_YEAR = 1000;
const MEETINGS_PER_YEAR = 50;
const GEMEENTEN = ['blaricum', 'gooise-meren', 'hilversum', 'huizen', 'laren', 'wijdemeren'] as const;
const STREETS = [
  'Laan van Vollenhove',
  'Kerkstraat',
  'Havenweg',
  'Oude Enghweg',
  'Stationsplein',
  'Larenseweg',
  'Noorderweg',
  'Bussumerstraat',
];

export type History = {
  team: TestTeam;
  coordinator: SessionUser;
  /** Members per partner slug: the visibility classes of the live view. */
  members: Record<string, SessionUser[]>;
  privacy: SessionUser[];
  viewers: SessionUser[];
  /** Today's running overleg (status bezig) with open casussen on its agenda. */
  liveMeetingId: number;
  liveCaseItemIds: number[];
  /** The next overleg, a concept without agenda: the target of agenda.prefill. */
  nextMeetingId: number;
  /** The last held overleg: meetings.get / minutes.get of a full verslag. */
  lastHeldMeetingId: number;
  /** An open casus of this year. */
  openCaseId: number;
  counts: Record<string, number>;
};

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

type AuditRow = {
  at: string;
  actorId: number | null;
  action: string;
  entity: string | null;
  entityId: number | null;
  caseId: number | null;
  detail: string | null;
};

export async function generateHistory(deps: TestDeps, years: number): Promise<History> {
  const today = deps.now().getTime();
  const team = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, team, 'coordinator', 'hilversum', 'Coördinator');
  const members: Record<string, SessionUser[]> = {};
  for (const slug of [...GEMEENTEN, 'politie']) {
    members[slug] = [];
    for (let i = 0; i < 8; i++) members[slug].push(await makeUser(deps, team, 'member', slug));
  }
  const privacy: SessionUser[] = [];
  const viewers: SessionUser[] = [];
  for (let i = 0; i < 3; i++) privacy.push(await makeUser(deps, team, 'privacy', null));
  for (let i = 0; i < 3; i++) viewers.push(await makeUser(deps, team, 'viewer', null));
  const sqlite = deps.db.$client;
  const teamId = team.teamId;
  const themeIds = (sqlite.prepare('select id from themes where team_id = ? order by position').all(teamId) as { id: number }[]).map(
    (r) => r.id,
  );
  const partnerIds = team.partnerIds;
  const politie = partnerIds.politie!;
  const memberIds = Object.values(members)
    .flat()
    .map((u) => u.id);

  const insCase =
    sqlite.prepare(`insert into cases (team_id, code, year, seq, gemeente_partner_id, street, house_number, postcode, city, theme_id, origin, priority,
    description, status, reported_by_user_id, reported_by_partner_id, created_at, activated_at, closed_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = sqlite.prepare('insert into case_events (case_id, at, actor_id, kind, detail) values (?, ?, ?, ?, ?)');
  const insSubject = sqlite.prepare('insert into subjects (case_id, kind, created_by_partner_id, created_at) values (?, ?, ?, ?)');
  const itemSql = (table: string) =>
    sqlite.prepare(`insert into ${table} (subject_id, category, value_enc, source_partner_id, recorded_by_user_id, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?)`);
  const insItem = itemSql('subject_items');
  const insPoliceItem = itemSql('police_subject_items');
  const insAgreement =
    sqlite.prepare(`insert into agreements (team_id, case_id, text, responsible_partner_id, meeting_id, agenda_item_id, status, created_by_user_id, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insTask =
    sqlite.prepare(`insert into tasks (team_id, title, assignee_partner_id, due_date, status, result_note, completed_by_user_id, completed_at, agreement_id, case_id,
    meeting_id, agenda_item_id, created_by_user_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insMeeting =
    sqlite.prepare(`insert into meetings (team_id, title, starts_at, location, status, chair_user_id, published_at, started_at, closed_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insAgenda =
    sqlite.prepare(`insert into agenda_items (meeting_id, section, position, title, duration_minutes, presenter_partner_id, case_id, source, notes, decisions, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insAttendance = sqlite.prepare(
    'insert into attendance (meeting_id, partner_id, status, attendee_user_ids, updated_at) values (?, ?, ?, ?, ?)',
  );
  const insMinutes = sqlite.prepare(
    `insert into minutes (meeting_id, status, current_version, finalised_at, approved_at, distributed_at, updated_at) values (?, ?, 1, ?, ?, ?, ?)`,
  );
  const insVersion = sqlite.prepare(
    'insert into minutes_versions (minutes_id, version, content, created_by_user_id, created_at) values (?, 1, ?, ?, ?)',
  );
  const setCurrent = sqlite.prepare('update meetings set current_agenda_item_id = ?, current_item_started_at = ? where id = ?');

  const audit: AuditRow[] = [];
  const log = (
    at: number,
    actorId: number | null,
    action: string,
    entity: string | null,
    entityId: number | null,
    caseId: number | null,
    detail?: object,
  ) => audit.push({ at: iso(at), actorId, action, entity, entityId, caseId, detail: detail ? JSON.stringify(detail) : null });
  const counts: Record<string, number> = { cases: 0, items: 0, tasks: 0, agreements: 0, meetings: 0, agendaItems: 0, auditRows: 0 };
  const start = today - years * 365 * DAY;
  const totalCases = years * CASES_PER_YEAR;
  const totalMeetings = years * MEETINGS_PER_YEAR;
  const caseStep = (years * 365 * DAY) / totalCases;
  const meetingStep = (years * 365 * DAY) / totalMeetings;
  // The same seed per casus position counted back from today: the last year is identical at 1× and 10×.
  type CaseRef = { id: number; at: number; open: boolean; gemeente: number; title: string };
  const allCases: CaseRef[] = [];
  let openCaseId = 0;

  const writeCases = sqlite.transaction(() => {
    const seqByYear = new Map<number, number>();
    for (let n = 0; n < totalCases; n++) {
      const back = totalCases - n; // 1 = the newest casus
      const r = rng(back * 7919);
      const at = start + n * caseStep + Math.floor(r() * 3_600_000);
      const age = today - at;
      const status = age < 10 * DAY ? 'signaal' : age < 90 * DAY ? 'actief' : 'afgerond';
      const open = status !== 'afgerond';
      const year = new Date(at).getUTCFullYear();
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const gemeenteSlug = GEMEENTEN[Math.floor(r() * GEMEENTEN.length)]!;
      const gemeente = partnerIds[gemeenteSlug]!;
      const street = STREETS[Math.floor(r() * STREETS.length)]!;
      const houseNumber = 1 + Math.floor(r() * 300);
      const origin = r() < 0.05 ? 'avo_verzoek' : r() < 0.5 ? 'melding' : 'eigen_waarneming';
      const reporter = members[gemeenteSlug]![0]!;
      const closedAt = open ? null : Math.min(at + 60 * DAY, today - DAY);
      const caseId = Number(
        insCase.run(
          teamId,
          `BIT-${year}-${String(seq).padStart(4, '0')}`,
          year,
          seq,
          gemeente,
          street,
          houseNumber,
          `12${10 + (houseNumber % 90)} AB`,
          'Hilversum',
          themeIds[Math.floor(r() * themeIds.length)]!,
          origin,
          origin === 'avo_verzoek' ? 'hoog' : 'normaal',
          'Signalen van overlast en mogelijke ondermijning.',
          status,
          reporter.id,
          gemeente,
          iso(at),
          status === 'signaal' ? null : iso(at + DAY),
          closedAt === null ? null : iso(closedAt),
          iso(closedAt ?? at),
        ).lastInsertRowid,
      );
      counts.cases! += 1;
      if (open && status === 'actief') openCaseId = caseId;
      insEvent.run(caseId, iso(at), reporter.id, 'created', JSON.stringify({ status: 'signaal', origin }));
      log(at, reporter.id, 'case.created', 'case', caseId, caseId);
      if (closedAt !== null) {
        insEvent.run(caseId, iso(closedAt), coordinator.id, 'status', JSON.stringify({ from: 'actief', to: 'afgerond' }));
        log(closedAt, coordinator.id, 'case.status', 'case', caseId, caseId, { to: 'afgerond' });
      }
      // Two betrokkenen: one recorded by the gemeente, one by the police (own table and key, P4).
      for (const [source, police] of [
        [gemeente, false],
        [politie, true],
      ] as const) {
        const subjectId = Number(insSubject.run(caseId, 'person', source, iso(at + DAY)).lastInsertRowid);
        const recorder = police ? members.politie![0]! : reporter;
        const values: [string, string][] = [
          ['naw', `Persoon ${back} ${police ? 'P' : 'G'}, ${street} ${houseNumber}`],
          ['geboortedatum', `19${50 + (back % 50)}-0${1 + (back % 9)}-1${back % 10}`],
          ['telefoon', `06 ${String(10_000_000 + back).slice(0, 8)}`],
          ['kenteken', `${police ? 'PL' : 'GM'}-${back % 1000}-X`],
        ];
        for (const [category, value] of values) {
          (police ? insPoliceItem : insItem).run(
            subjectId,
            category,
            encryptValue(police ? deps.keys.police : deps.keys.general, value),
            source,
            recorder.id,
            iso(at + DAY),
            iso(at + DAY),
          );
          counts.items! += 1;
        }
        log(at + DAY, recorder.id, 'personal_data.created', 'subject', subjectId, caseId);
      }
      // Reads of the casus page by the coordinator and members while it ran.
      for (let k = 0; k < 6; k++) {
        const readAt = at + (k + 2) * DAY;
        if (readAt >= today) break;
        log(readAt, k % 2 ? coordinator.id : memberIds[Math.floor(r() * memberIds.length)]!, 'personal_data.read', 'case', null, caseId, {
          purpose: 'screen',
          items: 4,
          categories: ['geboortedatum', 'kenteken', 'naw', 'telefoon'],
        });
      }
      allCases.push({ id: caseId, at, open, gemeente, title: `${street} ${houseNumber}, Hilversum` });
    }
  });
  writeCases();

  // Overleggen: every ~7.3 days, each discussing the casussen reported since the previous one and
  // a few running ones; werkafspraken and tasks are made in the overleg that first discussed the casus.
  let lastHeldMeetingId = 0;
  let liveMeetingId = 0;
  let nextMeetingId = 0;
  const liveCaseItemIds: number[] = [];
  const partnerList = Object.values(partnerIds);
  const writeMeetings = sqlite.transaction(() => {
    let caseCursor = 0;
    const addMeeting = (at: number, status: 'gesloten' | 'bezig' | 'concept', discuss: CaseRef[], running: CaseRef[]) => {
      const meetingId = Number(
        insMeeting.run(
          teamId,
          'BIT-overleg',
          iso(at),
          'Stadhuis Hilversum',
          status,
          coordinator.id,
          status === 'concept' ? null : iso(at - 7 * DAY),
          status === 'concept' ? null : iso(at),
          status === 'gesloten' ? iso(at + 2 * 3_600_000) : null,
          iso(at - 14 * DAY),
          iso(at),
        ).lastInsertRowid,
      );
      counts.meetings! += 1;
      log(at - 14 * DAY, coordinator.id, 'meeting.created', 'meeting', meetingId, null);
      if (status === 'concept') return { meetingId, itemIds: [] as number[] };
      let position = 0;
      const itemIds: number[] = [];
      const text: Record<string, { notes: string; decisions: string }> = {};
      const item = (section: string, title: string, caseRef: CaseRef | null, source: string) => {
        const notes = caseRef && status === 'gesloten' ? 'Besproken; partners wisselen informatie uit binnen het convenant.' : '';
        const decisions = caseRef && status === 'gesloten' ? 'Gezamenlijke controle plannen.' : '';
        const id = Number(
          insAgenda.run(
            meetingId,
            section,
            position++,
            title,
            5,
            caseRef?.gemeente ?? null,
            caseRef?.id ?? null,
            source,
            notes,
            decisions,
            iso(at),
          ).lastInsertRowid,
        );
        counts.agendaItems! += 1;
        itemIds.push(id);
        text[String(id)] = { notes, decisions };
        return id;
      };
      item('opening', 'Opening en mededelingen', null, 'template');
      item('verslag', 'Vaststellen verslag vorig overleg', null, 'minutes');
      for (const c of discuss) {
        const agendaItemId = item('nieuwe_casussen', c.title, c, 'signal');
        const done = !c.open;
        const agreementId = Number(
          insAgreement.run(
            teamId,
            c.id,
            'Integrale controle op het pand',
            c.gemeente,
            meetingId,
            agendaItemId,
            done ? 'uitgevoerd' : 'open',
            coordinator.id,
            iso(at),
            iso(at),
          ).lastInsertRowid,
        );
        counts.agreements! += 1;
        log(at, coordinator.id, 'agreement.created', 'agreement', agreementId, c.id);
        for (const [t, assignee] of [
          [0, c.gemeente],
          [1, politie],
          [2, partnerList[c.id % 6]!],
        ] as const) {
          const due = at + (t === 0 ? 14 : 45) * DAY;
          const taskId = Number(
            insTask.run(
              teamId,
              ['Controle voorbereiden', 'Informatie politie aanleveren', 'Terugkoppeling bewoners'][t]!,
              assignee,
              day(due),
              done ? 'gereed' : 'open',
              done ? 'Uitgevoerd' : null,
              done ? coordinator.id : null,
              done ? iso(at + 20 * DAY) : null,
              agreementId,
              c.id,
              meetingId,
              agendaItemId,
              coordinator.id,
              iso(at),
              iso(done ? at + 20 * DAY : at),
            ).lastInsertRowid,
          );
          counts.tasks! += 1;
          log(at, coordinator.id, 'task.created', 'task', taskId, c.id);
        }
      }
      for (const c of running) item('lopende_casussen', c.title, c, 'case');
      item('rondvraag', 'Rondvraag', null, 'template');
      item('sluiting', 'Sluiting', null, 'template');
      for (const p of partnerList) insAttendance.run(meetingId, p, 'aanwezig', '[]', iso(at));
      if (status === 'gesloten') {
        const minutesId = Number(
          insMinutes.run(meetingId, 'vastgesteld', iso(at + DAY), iso(at + 7 * DAY), iso(at + DAY), iso(at + 7 * DAY)).lastInsertRowid,
        );
        insVersion.run(
          minutesId,
          JSON.stringify({ intro: 'Aanwezig: alle partners.', items: text, closing: 'Volgend overleg over een week.' }),
          coordinator.id,
          iso(at + DAY),
        );
        log(at + DAY, coordinator.id, 'minutes.drafted', 'minutes', minutesId, null);
        log(at + DAY, coordinator.id, 'minutes.distributed', 'minutes', minutesId, null);
      }
      return { meetingId, itemIds };
    };
    for (let j = 0; j < totalMeetings; j++) {
      const at = start + (j + 1) * meetingStep - 3 * DAY;
      if (at >= today - DAY) break;
      const discuss: CaseRef[] = [];
      while (caseCursor < allCases.length && allCases[caseCursor]!.at < at - 10 * DAY) discuss.push(allCases[caseCursor++]!);
      const running = allCases
        .slice(Math.max(0, caseCursor - 60), caseCursor - discuss.length)
        .filter((c) => c.open)
        .slice(-8);
      lastHeldMeetingId = addMeeting(at, 'gesloten', discuss, running).meetingId;
    }
    // Today's overleg, running: the remaining signals and the open casussen still on the table.
    const rest = allCases.slice(caseCursor);
    const openRunning = allCases.filter((c) => c.open && c.at < today - 10 * DAY).slice(-20);
    const live = addMeeting(today - 30 * 60_000, 'bezig', rest, openRunning);
    liveMeetingId = live.meetingId;
    const caseItems = sqlite
      .prepare('select id from agenda_items where meeting_id = ? and case_id is not null order by position')
      .all(liveMeetingId) as { id: number }[];
    liveCaseItemIds.push(...caseItems.map((r) => r.id));
    setCurrent.run(liveCaseItemIds[0]!, iso(today - 10 * 60_000), liveMeetingId);
    nextMeetingId = addMeeting(today + 7 * DAY, 'concept', [], []).meetingId;
  });
  writeMeetings();

  // The audit log in time order, chained after whatever the team's setup wrote (server/audit.ts).
  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const insAudit = sqlite.prepare(
    'insert into audit_log (at, team_id, actor_id, action, entity, entity_id, case_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const writeAudit = sqlite.transaction(() => {
    let prev =
      (sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
    // Keyed like every row appendAudit writes after the seal (server/audit.ts): with the unkeyed
    // hash the generated history was a broken chain, so no check could sign a checkpoint and the
    // incremental check re-read the whole history every time.
    const key = auditKeyOf(deps.db);
    for (const a of audit) {
      const hash = keyedRowHash(
        key,
        prev,
        {
          at: a.at,
          teamId,
          actorId: a.actorId,
          action: a.action,
          entity: a.entity,
          entityId: a.entityId,
          caseId: a.caseId,
          detail: a.detail,
        },
        '',
      );
      insAudit.run(a.at, teamId, a.actorId, a.action, a.entity, a.entityId, a.caseId, a.detail, prev, hash);
      prev = hash;
    }
  });
  writeAudit();
  counts.auditRows = audit.length;
  // Items added through the app get their blind-index tokens as they are written (search on
  // names and BSN); the generated ones get theirs here, so the history is what a server that has
  // run for years holds — and the server does not start on the one-time backfill of a database
  // from before the index.
  backfillBlindIndex(deps);
  // No `PRAGMA optimize`: the server never gathers statistics, so the bench plans as it does.
  return {
    team,
    coordinator,
    members,
    privacy,
    viewers,
    liveMeetingId,
    liveCaseItemIds,
    nextMeetingId,
    lastHeldMeetingId,
    openCaseId,
    counts,
  };
}
