// Demo overleggen (SPEC §6), all fictitious: per team a past overleg that was held and closed
// (agenda, attendance, notes, decisions, werkafspraken and tasks captured in it; closing drafted
// its verslag) and an upcoming published one with a prefilled agenda that carries the open
// actions over. Works with or without demo casussen: casussen are found by querying the database.
// Runs through the domain functions at the seeding moment (so the audit log stays in chronological
// order after the casussen), then dates the past overleg's own records back to when it was held.
import { EventEmitter } from 'node:events';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { agendaItems, agreements, attendance, cases, meetings, partners, runningCaseStatuses, subjects, tasks, users } from '../schema';
import { encodePublicId } from '../../server/privacy/public-ids';
import type { DataKeys } from '../../server/privacy/crypto';
import type { AppDeps } from '../../server/deps';
import { loadActor, type Actor } from '../../server/auth/actor';
import { loadConfig } from '../../server/config';
import { addDays, amsterdamDate, amsterdamToUtc } from '../../server/clock';
import {
  closeMeeting,
  createMeeting,
  getMeeting,
  publishMeeting,
  setCurrentItem,
  startMeeting,
  updateMeeting,
} from '../../server/domain/meetings';
import { prefillAgenda, proposeItem, saveNotes } from '../../server/domain/agenda';
import { setAttendance } from '../../server/domain/attendance';
import { createAgreement } from '../../server/domain/agreements';
import { completeTask, createTask } from '../../server/domain/tasks';
import type { DemoIds } from './demo';

export type DemoMeetingIds = Record<'pit' | 'bit', { pastMeetingId: number; upcomingMeetingId: number }>;

function sessionUser(db: Db, id: number): Actor {
  return loadActor(db, db.select().from(users).where(eq(users.id, id)).get()!);
}

/** The next Tuesday strictly after `date` (YYYY-MM-DD). */
function nextTuesday(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, (2 - weekday + 7) % 7 || 7);
}

const places = {
  pit: { location: 'Stadskantoor Helmond, vergaderzaal De Peel', title: 'PIT-overleg' },
  bit: { location: 'Raadhuis Hilversum, kamer 2.14', title: 'BIT-overleg' },
} as const;

export function seedDemoMeetings(args: { db: Db; keys: DataKeys; now: Date }, ids: DemoIds): DemoMeetingIds {
  const { db, keys } = args;
  const deps: AppDeps = { db: db as AppDeps['db'], keys, config: loadConfig(), now: () => args.now, events: new EventEmitter() };
  const today = amsterdamDate(args.now);
  const result = {} as DemoMeetingIds;

  for (const slug of ['pit', 'bit'] as const) {
    const team = ids.teams[slug];
    const coordinator = sessionUser(db, team.userIds.coordinator!);
    const partnerRows = db
      .select({ id: partners.id, kind: partners.kind, shortName: partners.shortName })
      .from(partners)
      .where(eq(partners.teamId, team.teamId))
      .orderBy(asc(partners.id))
      .all();
    const slugOf = new Map(Object.entries(team.partnerIds).map(([s, id]) => [id, s]));
    const pid = (s: string) => team.partnerIds[s]!;
    const gemeenten = partnerRows.filter((p) => p.kind === 'gemeente');
    const firstGemeente = slugOf.get(gemeenten[0]!.id)!;
    const secondGemeente = slugOf.get(gemeenten[1]!.id)!;

    // ── The past overleg, two weeks ago on Tuesday at 09:30 ───────────────────────────────
    const pastDay = nextTuesday(addDays(today, -21));
    const pastStart = amsterdamToUtc(pastDay, '09:30');
    const past = createMeeting(deps, coordinator, {
      startsAt: pastStart.toISOString(),
      title: places[slug].title,
      location: places[slug].location,
      durationMinutes: 120,
    });
    prefillAgenda(deps, coordinator, { meetingId: past.id });
    publishMeeting(deps, coordinator, { id: past.id });
    startMeeting(deps, coordinator, { id: past.id });

    // Attendance: most partners present with their member, one excused, one absent.
    for (const p of partnerRows) {
      const s = slugOf.get(p.id)!;
      const memberId = team.userIds[s];
      const status =
        p.kind === 'belastingen' || (slug === 'bit' && s === 'laren')
          ? 'afgemeld'
          : s === 'someren' || s === 'wijdemeren'
            ? 'afwezig'
            : 'aanwezig';
      setAttendance(deps, coordinator, {
        meetingId: past.id,
        partnerId: p.id,
        status,
        attendeeUserIds: status === 'aanwezig' && memberId ? [memberId] : [],
      });
    }

    // Chairing: walk through the agenda, capturing notes, decisions, werkafspraken and tasks.
    const teamCases = db
      .select({ id: cases.id, gemeentePartnerId: cases.gemeentePartnerId })
      .from(cases)
      .where(and(eq(cases.teamId, team.teamId), inArray(cases.status, [...runningCaseStatuses])))
      .orderBy(asc(cases.id))
      .all();
    let minute = 0;
    const itemStarts = new Map<number, Date>();
    const agenda = getMeeting(deps, coordinator, past.id).agenda;
    // Werkafspraken are made on the first three casussen with betrokkenen (so the verslag names
    // the ones each concerns, art. 20.1); without such casussen, on the first three discussed.
    const withSubjects = new Set(
      db
        .select({ caseId: subjects.caseId })
        .from(subjects)
        .all()
        .map((r) => r.caseId),
    );
    const discussed = agenda.filter((i) => i.caseId !== null);
    const caseItems = (
      discussed.some((i) => withSubjects.has(i.caseId!)) ? discussed.filter((i) => withSubjects.has(i.caseId!)) : discussed
    ).slice(0, 3);
    for (const item of agenda) {
      itemStarts.set(item.id, new Date(pastStart.getTime() + minute * 60_000));
      setCurrentItem(deps, coordinator, { meetingId: past.id, agendaItemId: item.id });
      minute += item.durationMinutes;
      let notes = '';
      let decisions = '';
      if (item.section === 'opening') {
        notes =
          'De voorzitter opent het overleg en heet iedereen welkom. Mededeling: de planning van de integrale controles voor het eerste kwartaal volgt per e-mail.';
        decisions = 'Agenda vastgesteld zonder wijzigingen.';
      } else if (item.section === 'controles') {
        notes =
          'Terugkoppeling van de laatste integrale controle: goede samenwerking ter plaatse; de rapportages van de partners zijn binnen.';
        decisions = 'Volgende controle in de week na het volgende overleg; de gemeente coördineert.';
        createTask(deps, coordinator, {
          title: 'Draaiboek volgende integrale controle opstellen',
          assigneePartnerId: pid(firstGemeente),
          dueDate: addDays(pastDay, 21),
          meetingId: past.id,
          agendaItemId: item.id,
        });
      } else if (item.section === 'themas') {
        notes = 'Korte verkenning van een pilot rond huisvesting van arbeidsmigranten.';
        decisions = 'Werkgroep verkent de pilot en komt met een voorstel.';
        createTask(deps, coordinator, {
          title: 'Voorstel pilot huisvesting arbeidsmigranten uitwerken',
          assigneePartnerId: pid(secondGemeente),
          dueDate: addDays(pastDay, 7),
          meetingId: past.id,
          agendaItemId: item.id,
        });
      } else if (item.section === 'rondvraag') {
        notes = 'Geen punten voor de rondvraag.';
      } else if (item.section === 'sluiting') {
        notes = 'De voorzitter sluit het overleg en dankt de aanwezigen.';
      } else if (item.caseId !== null && caseItems.includes(item)) {
        const casus = teamCases.find((c) => c.id === item.caseId);
        notes = 'Stand van zaken besproken; de partners delen hun bevindingen binnen de kaders van het convenant.';
        decisions = 'Casus blijft actief; gezamenlijke aanpak afgesproken.';
        if (casus) {
          const responsible = casus.gemeentePartnerId;
          // The werkafspraak concerns the casus' betrokkenen, so the verslag names them (art. 20.1).
          const subjectIds = db
            .select({ id: subjects.id })
            .from(subjects)
            .where(eq(subjects.caseId, casus.id))
            .all()
            .map((r) => encodePublicId(keys, 'subject', coordinator.teamId, r.id));
          const agreement = createAgreement(deps, coordinator, {
            caseId: casus.id,
            text: 'Gemeente neemt de regie; bij een volgende overtreding volgt een last onder dwangsom.',
            responsiblePartnerId: responsible,
            meetingId: past.id,
            agendaItemId: item.id,
            subjectIds,
          });
          createTask(deps, coordinator, {
            title: 'Vooraankondiging last onder dwangsom versturen',
            assigneePartnerId: responsible,
            dueDate: addDays(pastDay, 14),
            agreementId: agreement.id,
            caseId: casus.id,
            meetingId: past.id,
            agendaItemId: item.id,
          });
          const other = slug === 'pit' ? pid('senzer') : pid('politie');
          createTask(deps, coordinator, {
            title: 'Eigen registraties nagaan en terugkoppelen',
            assigneePartnerId: other,
            dueDate: addDays(pastDay, 10),
            caseId: casus.id,
            meetingId: past.id,
            agendaItemId: item.id,
          });
        }
      } else if (item.source === 'minutes' || item.source === 'template') {
        notes = 'Verslag en actielijst doorgenomen.';
        decisions = 'Verslag ongewijzigd vastgesteld.';
      }
      if (notes || decisions) saveNotes(deps, coordinator, { id: item.id, notes, decisions, version: item.version });
    }
    closeMeeting(deps, coordinator, { id: past.id });

    // One action was done since; the others are still open (one of them overdue).
    const openOfPast = db.select().from(tasks).where(eq(tasks.meetingId, past.id)).all();
    const doneTask = openOfPast.find((t) => t.title.startsWith('Draaiboek'));
    if (doneTask) completeTask(deps, coordinator, { id: doneTask.id, resultNote: 'Draaiboek opgesteld en met de partners gedeeld.' });
    backdate(db, past.id, pastStart, itemStarts, doneTask?.id ?? null);

    // ── The upcoming overleg, next Tuesday after a week at 09:30, published ───────────────
    const nextDay = nextTuesday(addDays(today, 6));
    const upcoming = createMeeting(deps, coordinator, {
      startsAt: amsterdamToUtc(nextDay, '09:30').toISOString(),
      title: places[slug].title,
      location: places[slug].location,
      durationMinutes: 120,
    });
    updateMeeting(deps, coordinator, {
      id: upcoming.id,
      version: 1,
      videoLink: slug === 'pit' ? 'https://meet.example.nl/pit-overleg' : 'https://meet.example.nl/bit-overleg',
    });
    prefillAgenda(deps, coordinator, { meetingId: upcoming.id });
    publishMeeting(deps, coordinator, { id: upcoming.id });
    // A member's proposal waits for the coordinator.
    const proposerId = team.userIds[secondGemeente];
    if (proposerId) {
      const proposer = sessionUser(db, proposerId);
      proposeItem(deps, proposer, { meetingId: upcoming.id, section: 'themas', title: 'Ervaringen met de nieuwe meldroute voor signalen' });
    }
    result[slug] = { pastMeetingId: past.id, upcomingMeetingId: upcoming.id };
  }
  return result;
}

/** The past overleg's own records carry the times it was prepared, held and followed up. */
function backdate(db: Db, meetingId: number, start: Date, itemStarts: Map<number, Date>, doneTaskId: number | null) {
  const iso = (ms: number) => new Date(start.getTime() + ms).toISOString();
  const closedAt = iso(115 * 60_000);
  db.update(meetings)
    .set({
      createdAt: iso(-8 * 86_400_000),
      publishedAt: iso(-7 * 86_400_000),
      startedAt: start.toISOString(),
      closedAt,
      updatedAt: closedAt,
    })
    .where(eq(meetings.id, meetingId))
    .run();
  db.update(agendaItems).set({ updatedAt: closedAt }).where(eq(agendaItems.meetingId, meetingId)).run();
  db.update(attendance).set({ updatedAt: start.toISOString() }).where(eq(attendance.meetingId, meetingId)).run();
  const at = (agendaItemId: number | null) =>
    (agendaItemId ? itemStarts.get(agendaItemId) : undefined)?.toISOString() ?? start.toISOString();
  for (const a of db
    .select({ id: agreements.id, agendaItemId: agreements.agendaItemId })
    .from(agreements)
    .where(eq(agreements.meetingId, meetingId))
    .all()) {
    db.update(agreements)
      .set({ createdAt: at(a.agendaItemId), updatedAt: at(a.agendaItemId) })
      .where(eq(agreements.id, a.id))
      .run();
  }
  for (const t of db.select({ id: tasks.id, agendaItemId: tasks.agendaItemId }).from(tasks).where(eq(tasks.meetingId, meetingId)).all()) {
    const done = t.id === doneTaskId ? iso(6 * 86_400_000) : null;
    db.update(tasks)
      .set({ createdAt: at(t.agendaItemId), updatedAt: done ?? at(t.agendaItemId), ...(done ? { completedAt: done } : {}) })
      .where(eq(tasks.id, t.id))
      .run();
  }
}
