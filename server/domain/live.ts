/**
 * The live view of a running overleg (SPEC §2 step 3): whoever follows it gets, on every change
 * in that overleg, a fresh snapshot of what THEY may see. Snapshots are built with the same read
 * functions as `meetings.get` and casus pages; betrokkenen come only from `readSubjects` with the
 * subscriber's reader (purpose 'live'), so a live update can never show more than a page would.
 */
import type { Actor } from '../auth/actor';
import { and, asc, eq, ne } from 'drizzle-orm';
import { tracked } from '@trpc/server';
import { agendaItems, agreements, cases, partners, tasks, themes } from '../../db/schema';
import { appendAudit, type AuditEntry } from '../audit';
import type { AppDeps } from '../deps';
import { amsterdamDate } from '../clock';
import { AppError } from '../errors';
import { readSubjects } from '../privacy/personal-data';
import { createReadMemo } from '../privacy/read-memo';
import { noteMassRead } from '../privacy/mass-read';
import { visibilityClass } from '../privacy/visibility-class';
import { auditLiveRead, deferLiveWrite, liveChanged, sharedBuild, sharedValue } from './live-shared';
import { withOverdue } from './cases';
import { getMeeting, type MeetingEvent } from './meetings';
import { acquireLiveSlot, assertLiveAccess } from './live-access';

/**
 * The casussen whose betrokkenen this subscriber's stream has read (and audited). Notes are saved
 * as the chair types; auditing the same betrokkenen for every keystroke would flood the audit log,
 * so a stream audits a casus' betrokkenen once while it is the current casus.
 */
export type AuditedCases = Set<number>;

/** What one build read of personal data: the audit row it stands for, without its reader. */
type Read = { entry: AuditEntry | null };

function liveCase(deps: AppDeps, reader: Actor, caseId: number, read: Read, shared: boolean) {
  // The casus, its open werkafspraken and tasks are the same for every class of the team (they
  // hold no personal data): built once per change for all classes; only the betrokkenen differ.
  const base = sharedValue(deps, `${reader.teamId}:case:${caseId}`, () => caseBase(deps, reader.teamId, caseId));
  if (!base) return null;
  // The team's betrokkenen and items, loaded and decrypted once per change for all classes; what
  // each class sees of them the gate still decides per reader (../privacy/read-memo.ts).
  const memo = shared ? sharedValue(deps, `${reader.teamId}:readMemo`, () => createReadMemo(reader.teamId)) : undefined;
  // The only way betrokkenen enter a live update: the visibility module, for this reader's class.
  const subjects =
    readSubjects(
      deps,
      reader,
      [base.id],
      'live',
      (entry, disclose) => {
        read.entry = entry;
        // Which partner saw which items (P12): once per build, with the audit rows of this change.
        if (shared) deferLiveWrite(deps, disclose);
        else disclose(deps.db);
      },
      undefined,
      memo,
    ).get(base.id) ?? [];
  return { ...base, subjects };
}

function caseBase(deps: AppDeps, teamId: number, caseId: number) {
  const c = deps.db
    .select({
      id: cases.id,
      code: cases.code,
      street: cases.street,
      houseNumber: cases.houseNumber,
      houseNumberAddition: cases.houseNumberAddition,
      postcode: cases.postcode,
      city: cases.city,
      status: cases.status,
      priority: cases.priority,
      origin: cases.origin,
      description: cases.description,
      theme: themes.name,
      gemeente: partners.shortName,
      gemeentePartnerId: cases.gemeentePartnerId,
    })
    .from(cases)
    .innerJoin(themes, eq(themes.id, cases.themeId))
    .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
    .where(and(eq(cases.id, caseId), eq(cases.teamId, teamId)))
    .get();
  if (!c) return null;
  const today = amsterdamDate(deps.now());
  const openAgreements = deps.db
    .select({
      id: agreements.id,
      text: agreements.text,
      responsiblePartnerId: agreements.responsiblePartnerId,
      responsible: partners.shortName,
      meetingId: agreements.meetingId,
      createdAt: agreements.createdAt,
    })
    .from(agreements)
    .innerJoin(partners, eq(partners.id, agreements.responsiblePartnerId))
    .where(and(eq(agreements.caseId, c.id), eq(agreements.status, 'open')))
    .orderBy(asc(agreements.id))
    .all();
  const openTasks = deps.db
    .select({
      id: tasks.id,
      title: tasks.title,
      assigneePartnerId: tasks.assigneePartnerId,
      partner: partners.shortName,
      dueDate: tasks.dueDate,
      status: tasks.status,
      blockerNote: tasks.blockerNote,
      meetingId: tasks.meetingId,
    })
    .from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .where(and(eq(tasks.caseId, c.id), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .all()
    .map((t) => withOverdue(t, today));
  return { ...c, agreements: openAgreements, tasks: openTasks };
}

/** What was captured in this overleg so far: werkafspraken and tasks, in the order made. */
function captured(deps: AppDeps, teamId: number, meetingId: number) {
  const today = amsterdamDate(deps.now());
  const agreementRows = deps.db
    .select({
      id: agreements.id,
      caseId: agreements.caseId,
      caseCode: cases.code,
      text: agreements.text,
      responsiblePartnerId: agreements.responsiblePartnerId,
      responsible: partners.shortName,
      agendaItemId: agreements.agendaItemId,
      status: agreements.status,
      createdAt: agreements.createdAt,
    })
    .from(agreements)
    .innerJoin(partners, eq(partners.id, agreements.responsiblePartnerId))
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(and(eq(agreements.teamId, teamId), eq(agreements.meetingId, meetingId)))
    .orderBy(asc(agreements.id))
    .all();
  const taskRows = deps.db
    .select({
      id: tasks.id,
      title: tasks.title,
      assigneePartnerId: tasks.assigneePartnerId,
      partner: partners.shortName,
      dueDate: tasks.dueDate,
      status: tasks.status,
      caseId: tasks.caseId,
      caseCode: cases.code,
      agendaItemId: tasks.agendaItemId,
      agreementId: tasks.agreementId,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .leftJoin(cases, eq(cases.id, tasks.caseId))
    .where(and(eq(tasks.teamId, teamId), eq(tasks.meetingId, meetingId)))
    .orderBy(asc(tasks.id))
    .all()
    .map((t) => withOverdue(t, today));
  return { agreements: agreementRows, tasks: taskRows };
}

/** One snapshot of the live view for `reader`; NOT_FOUND when the overleg is not theirs to see. */
function buildSnapshot(deps: AppDeps, reader: Actor, meetingId: number, shared: boolean, ownProposals: boolean) {
  const read: Read = { entry: null };
  // The overleg and its agenda differ by role only (meetings.ts `visibleMeeting`, `agendaVisibility`)
  // — unless the member has own proposals not accepted yet: shared by all classes of a role.
  const meeting =
    shared && !ownProposals
      ? sharedValue(deps, `${reader.teamId}:${meetingId}:meeting:${reader.role === 'coordinator' ? 'coordinator' : 'member'}`, () =>
          getMeeting(deps, reader, meetingId),
        )
      : getMeeting(deps, reader, meetingId);
  const currentItem = meeting.agenda.find((i) => i.id === meeting.currentAgendaItemId) ?? null;
  const casus = currentItem?.caseId ? liveCase(deps, reader, currentItem.caseId, read, shared) : null;
  // Werkafspraken and tasks of the overleg: the same for every class of the team (no personal data).
  const made = sharedValue(deps, `${reader.teamId}:${meetingId}:captured`, () => captured(deps, reader.teamId, meetingId));
  const snapshot = { at: deps.now().toISOString(), meeting, current: currentItem ? { item: currentItem, casus } : null, captured: made };
  return { snapshot, read };
}

/**
 * A member sees their own proposals that are not accepted (yet) — nobody else of their class
 * does (meetings.ts `agendaVisibility`): such a member gets a build of their own. Who has such
 * proposals is read once per change for all subscribers of the overleg (./live-shared.ts).
 */
function ownHiddenProposals(deps: AppDeps, reader: Actor, meetingId: number): boolean {
  if (reader.role === 'coordinator') return false;
  const proposers = sharedValue(deps, `${reader.teamId}:${meetingId}:hiddenProposers`, () => {
    const rows = deps.db
      .selectDistinct({ userId: agendaItems.proposedByUserId })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.state, 'geaccepteerd')))
      .all();
    return new Set(rows.map((r) => r.userId));
  });
  return proposers.has(reader.id);
}

/**
 * The snapshot for one subscriber: built once per visibility class for all subscribers woken by
 * the same change (./live-shared.ts), then their own read audited — once per current casus.
 */
export function liveSnapshot(deps: AppDeps, reader: Actor, meetingId: number, audited: AuditedCases, options: { shared?: boolean } = {}) {
  const own = ownHiddenProposals(deps, reader, meetingId);
  const key = `${reader.teamId}:${meetingId}:${visibilityClass(reader)}${own ? `:user:${reader.id}` : ''}`;
  const { snapshot, read } =
    options.shared === false
      ? buildSnapshot(deps, reader, meetingId, false, own)
      : sharedBuild(deps, key, () => buildSnapshot(deps, reader, meetingId, true, own));
  const caseId = snapshot.current?.casus?.id;
  if (caseId !== undefined && !audited.has(caseId)) {
    audited.clear();
    audited.add(caseId);
    if (read.entry) {
      const entry = { ...read.entry, actorId: reader.id };
      if (options.shared === false) {
        appendAudit(deps.db, deps.now(), entry);
        noteMassRead(deps.db, deps.now(), { teamId: reader.teamId, id: reader.id });
      } else auditLiveRead(deps, entry);
    }
  }
  return snapshot;
}

export type LiveSnapshot = ReturnType<typeof buildSnapshot>['snapshot'];

/** What a stream was opened with: re-checked against the database while it runs (live-access.ts). */
export type LiveAccess = { reader: Actor; sessionToken: string | null };

/**
 * Opens `meetings.live` for a subscriber: NOT_FOUND for an overleg that is not theirs (the same
 * answer as `meetings.get`), then a session and a stream slot (refused over the cap before any
 * personal data is read), then the first snapshot, so every refusal surfaces before streaming.
 */
export function openLiveStream(deps: AppDeps, access: LiveAccess, meetingId: number, signal?: AbortSignal) {
  getMeeting(deps, access.reader, meetingId);
  // A stream must be re-checkable against its session; in-process callers without one get none.
  if (!access.sessionToken) throw new AppError('UNAUTHORIZED', 'auth.required');
  const release = acquireLiveSlot(deps, access.sessionToken, access.reader.id);
  const audited: AuditedCases = new Set();
  let first: LiveSnapshot;
  try {
    // The first snapshot is the subscriber's own, fresh from the database.
    first = liveSnapshot(deps, access.reader, meetingId, audited, { shared: false });
  } catch (error) {
    release();
    throw error;
  }
  // Released when the client goes away, even if the stream was never iterated.
  signal?.addEventListener('abort', release, { once: true });
  return liveStream(deps, { reader: access.reader, sessionToken: access.sessionToken }, meetingId, first, signal, audited, release);
}

/**
 * The stream behind `meetings.live`: the first snapshot, then a new one after every event of
 * this overleg on the team's channel. Bursts of events coalesce into one snapshot. Before every
 * snapshot, on every event of the team (a logout or a disabled account emits one) and at least
 * every `config.liveRecheckMs`, the session and the reader are re-checked; when they no longer
 * hold the stream ends with that error. Ends also when the client goes away.
 */
export async function* liveStream(
  deps: AppDeps,
  access: LiveAccess & { sessionToken: string },
  meetingId: number,
  first: LiveSnapshot,
  signal?: AbortSignal,
  audited: AuditedCases = new Set(),
  release: () => void = () => {},
) {
  const { reader } = access;
  const channel = `team:${reader.teamId}`;
  let dirty = false;
  let recheck = false;
  let wake: (() => void) | null = null;
  const listener = (event: (MeetingEvent & { caseId?: number }) | undefined) => {
    // Any event of the team may be the end of this session (logout, disabled account): re-check.
    recheck = true;
    // Whatever was built before this event is stale for every subscriber.
    liveChanged(deps);
    // New betrokkenen on a casus this stream has shown: read (and audit) them again in the next
    // snapshot, through the visibility rules of this subscriber's class.
    if (event?.kind === 'subjects.changed' && event.caseId !== undefined) {
      if (audited.delete(event.caseId)) dirty = true;
    } else if (event?.meetingId === meetingId) {
      dirty = true;
    }
    wake?.();
  };
  const onAbort = () => wake?.();
  // Without any event: the session may expire, the partner's leaving date may pass.
  const timer = setInterval(() => {
    recheck = true;
    wake?.();
  }, deps.config.liveRecheckMs);
  timer.unref();
  deps.events.on(channel, listener);
  signal?.addEventListener('abort', onAbort);
  let seq = 0;
  try {
    yield tracked(`${meetingId}-${Date.now()}-${++seq}`, first);
    while (!signal?.aborted) {
      if (!dirty && !recheck)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = null;
      if (signal?.aborted) break;
      if (recheck || dirty) {
        recheck = false;
        assertLiveAccess(deps, access.sessionToken, reader); // throws: the stream ends with that error
      }
      if (!dirty) continue;
      dirty = false;
      let snapshot: LiveSnapshot;
      try {
        snapshot = liveSnapshot(deps, reader, meetingId, audited);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return; // removed or no longer visible: end the stream
        throw error;
      }
      yield tracked(`${meetingId}-${Date.now()}-${++seq}`, snapshot);
    }
  } finally {
    clearInterval(timer);
    deps.events.off(channel, listener);
    signal?.removeEventListener('abort', onAbort);
    release();
  }
}
