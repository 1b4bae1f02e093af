import { sqliteTable, integer, text, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { agendaItemStates, agendaSections, attendanceStatuses, meetingStatuses, minutesStatuses, regretKinds } from './enums';
import { cases } from './cases';
import { partners, teams } from './teams';
import { users } from './users';
import { tasks } from './work';

export const meetingSeries = sqliteTable('meeting_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id),
  // e.g. {"intervalWeeks":2,"weekday":2,"time":"09:30","until":"2027-06-30"}
  rule: text('rule').notNull(),
  createdAt: text('created_at').notNull(),
});

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    seriesId: integer('series_id').references(() => meetingSeries.id),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(), // UTC ISO; shown in Europe/Amsterdam
    durationMinutes: integer('duration_minutes').notNull().default(120),
    location: text('location'),
    videoLink: text('video_link'),
    status: text('status', { enum: meetingStatuses }).notNull().default('concept'),
    chairUserId: integer('chair_user_id').references(() => users.id),
    publishedAt: text('published_at'),
    startedAt: text('started_at'),
    closedAt: text('closed_at'),
    currentAgendaItemId: integer('current_agenda_item_id').references((): AnySQLiteColumn => agendaItems.id),
    currentItemStartedAt: text('current_item_started_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meetings_team_starts').on(t.teamId, t.startsAt)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    section: text('section', { enum: agendaSections }).notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(5),
    presenterPartnerId: integer('presenter_partner_id').references(() => partners.id),
    caseId: integer('case_id').references(() => cases.id),
    // Where the item came from: template, signal, avo, case, carryover, minutes, proposal, manual.
    source: text('source').notNull().default('manual'),
    // Carry-over: the open action this item brings back (one item per action).
    taskId: integer('task_id').references((): AnySQLiteColumn => tasks.id),
    state: text('state', { enum: agendaItemStates }).notNull().default('geaccepteerd'),
    proposedByUserId: integer('proposed_by_user_id').references(() => users.id),
    notes: text('notes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.position), index('agenda_items_case').on(t.caseId)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status', { enum: attendanceStatuses }).notNull(),
    // JSON array of user ids of the partner's members who attended.
    attendeeUserIds: text('attendee_user_ids').notNull().default('[]'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partnerId] })],
);

// What a partner announced before the overleg (issue 9 item 13): regrets (afgemeld, with an
// optional short reason without personal data) or a delegate from its own users. Attendance
// starts from it; the chair's own record (attendance) always wins.
export const meetingRegrets = sqliteTable(
  'meeting_regrets',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind', { enum: regretKinds }).notNull(),
    reason: text('reason'),
    delegateUserId: integer('delegate_user_id').references(() => users.id),
    announcedByUserId: integer('announced_by_user_id')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partnerId] })],
);

// The verslag. Its text per section is kept as versions; what is captured (werkafspraken, tasks,
// betrokkenen) is assembled at read time so every reader gets exactly what they may see.
export const minutes = sqliteTable('minutes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id')
    .notNull()
    .unique()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  status: text('status', { enum: minutesStatuses }).notNull().default('concept'),
  currentVersion: integer('current_version').notNull().default(1),
  finalisedAt: text('finalised_at'),
  approvedAt: text('approved_at'),
  approvedInMeetingId: integer('approved_in_meeting_id').references((): AnySQLiteColumn => meetings.id),
  distributedAt: text('distributed_at'),
  // JSON: the verslag's text parts as finalised (a fixed record); null while in concept.
  // Holds no personal data: betrokkenen are rendered at read time, so correction and erasure reach them.
  snapshot: text('snapshot'),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const minutesVersions = sqliteTable(
  'minutes_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // JSON: { intro, items: { [agendaItemId]: { notes, decisions } }, closing }
    content: text('content').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('minutes_versions_minutes').on(t.minutesId, t.version)],
);
