// The hot reads use their indexes (issue 12): SQLite's own query plan for the statements the
// procedures really run, captured on a fresh database with the real migrations. A missing index
// shows up here as a scan or a sort of the team's whole history; the bench (test/bench) measures
// what that costs.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { minutesScenario } from '../helpers/minutes';
import { statementsRun } from '../helpers/statements';
import type { SessionUser } from '../../server/auth/sessions';

let deps: TestDeps;
let pit: TestTeam;
let coordinator: SessionUser;

beforeAll(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  await makeCase(deps, pit, coordinator, { status: 'actief' });
});

/** The SQL of every statement `fn` runs, with SQLite's plan for each. */
async function plans(fn: () => Promise<unknown>, on: TestDeps = deps): Promise<{ sql: string; plan: string }[]> {
  const sqlite = on.db.$client;
  const seen = [...new Set(await statementsRun(on, fn))];
  return seen
    .filter((s) => /^\s*select/i.test(s))
    .map((s) => ({
      sql: s,
      plan: (
        sqlite.prepare(`explain query plan ${s}`).all(...new Array<null>((s.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n'),
    }));
}

const planOf = (all: { sql: string; plan: string }[], pattern: RegExp) => {
  const found = all.filter((p) => pattern.test(p.sql));
  expect(found.length).toBeGreaterThan(0);
  return found.map((p) => p.plan).join('\n---\n');
};

describe('query plans of the hot reads', () => {
  it('cases.list walks cases by team and id: no sort of every casus before taking a page', async () => {
    const plan = planOf(await plans(() => callerFor(deps, coordinator).cases.list({})), /from "cases" inner join "partners"/);
    expect(plan).toContain('USING INDEX cases_team_id');
    expect(plan).not.toContain('TEMP B-TREE');
    // The open and overdue counts per casus read the index alone, no task row.
    expect(plan.match(/SEARCH tasks USING COVERING INDEX tasks_case_status_due \(case_id=\? AND status=\?/g)).toHaveLength(2);
  });

  it('cases.list search finds its candidates in the trigram index, not by a LIKE over every casus', async () => {
    const plan = planOf(
      await plans(() => callerFor(deps, coordinator).cases.list({ search: 'Kerkstraat 12' })),
      /from "cases" inner join "partners"/,
    );
    expect(plan).toContain('case_search VIRTUAL TABLE');
    expect(plan).toContain('SEARCH cases USING INDEX cases_team_id (team_id=? AND id=?)');
  });

  it('agenda.prefill finds casussen already on an agenda by the agenda items of that casus', async () => {
    const c = callerFor(deps, coordinator);
    const meeting = await c.meetings.create({ startsAt: '2026-12-02T09:00:00Z' });
    const plan = planOf(await plans(() => c.agenda.prefill({ meetingId: meeting.id })), /"agenda_items" ai/);
    expect(plan).toContain('agenda_items_case');
  });

  it('agenda.prefill finds the running casussen from the open tasks, not by walking every casus of the team', async () => {
    const c = callerFor(deps, coordinator);
    const meeting = await c.meetings.create({ startsAt: '2026-12-09T09:00:00Z' });
    const plan = planOf(await plans(() => c.agenda.prefill({ meetingId: meeting.id })), /from "cases" inner join "themes".*"status" in/);
    expect(plan).toContain('tasks_team_status');
    expect(plan).not.toMatch(/SCAN cases|cases_team_code/);
  });

  // A server never gathers statistics (ANALYZE): on its ten years of history SQLite plans as on
  // this fresh database. The two below chose an index that walks the history until told not to.
  it('cases.get finds what a partner did on the casus by the casus, not by every task the partner ever had', async () => {
    const member = await makeUser(deps, pit, 'member', 'politie');
    const own = await makeCase(deps, pit, coordinator, { status: 'actief' });
    const plan = planOf(await plans(() => callerFor(deps, member).cases.get({ id: own.id })), /^select "case_id" from "tasks" where/);
    expect(plan).toContain('SEARCH tasks USING INDEX tasks_case_status_due (case_id=?)');
    expect(plan).not.toContain('tasks_assignee');
  });

  it('minutes.get carries the open work over from the open tasks, not from every task of every earlier overleg', async () => {
    const s = await minutesScenario();
    const all = await plans(() => callerFor(s.deps, s.coordinator).minutes.get({ meetingId: s.meeting.id }), s.deps);
    const carried = planOf(all, /from "tasks" inner join "meetings" on "meetings"."id" = "tasks"."meeting_id"/);
    expect(carried).toMatch(
      /^SEARCH tasks USING INDEX tasks_team_status \(team_id=\? AND status=\?.*\)\nSEARCH meetings USING INTEGER PRIMARY KEY/m,
    );
    expect(carried).not.toContain('meetings_team_starts');
  });

  it('reports.progress reads werkafspraken and status changes of its period by index', async () => {
    const viewer = await makeUser(deps, pit, 'viewer');
    const all = await plans(() => callerFor(deps, viewer).reports.progress({ from: '2026-01-01', to: '2026-06-30' }));
    expect(planOf(all, /from "agreements"/)).toContain('agreements_team');
    expect(planOf(all, /from "case_events"/)).toContain('case_events_at');
  });

  it('reports.progress finds the casussen and tasks that can count in its period without walking the closed history', async () => {
    const viewer = await makeUser(deps, pit, 'viewer');
    // Another period than the test above: a closed period's figures come from the cache the second time.
    expectReportPlansByWindow(await plans(() => callerFor(deps, viewer).reports.progress({ from: '2025-01-01', to: '2025-12-31' })));
  });

  it('keeps those plans when SQLite has the statistics of a ten-year history', async () => {
    // A database someone has analysed plans with what it knows: one team, so `team_id` selects
    // nothing. Driven from the team's casussen, the status changes of a year would be found by
    // visiting every casus ever opened. (A database of its own: the statistics stay in this test.)
    const analysed = createTestDeps();
    const team = makeTeam(analysed, 'pit', { endsOn: null });
    loadStatistics(analysed.db.$client, tenYearStatistics);
    const viewer = await makeUser(analysed, team, 'viewer');
    expectReportPlansByWindow(
      await plans(() => callerFor(analysed, viewer).reports.progress({ from: '2024-01-01', to: '2024-12-31' }), analysed),
    );
  });
});

/** The progress report's facts: each table read by the ranges of its period, not by the team. */
function expectReportPlansByWindow(all: { sql: string; plan: string }[]) {
  const byTeamOnly = (table: string) => new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(team_id=\\?\\)$`, 'm');
  expect(planOf(all, /^select "case_events"/)).toMatch(
    /^SEARCH case_events USING INDEX case_events_at \(at>\? AND at<\?\)\nSEARCH cases USING INTEGER PRIMARY KEY/,
  );
  // Still open, or closed / completed / lapsed since the period began: ranges of the indexes.
  const casePlan = planOf(all, /^select "id", "gemeente_partner_id".* from "cases"/);
  expect(casePlan).toContain('SEARCH cases USING COVERING INDEX cases_team_status (team_id=? AND status=? AND closed_at>?)');
  expect(casePlan).not.toMatch(byTeamOnly('cases'));
  const taskPlan = planOf(all, /from "tasks" left join "cases"/);
  expect(taskPlan).toContain('SEARCH tasks USING COVERING INDEX tasks_team_status (team_id=? AND status=? AND completed_at>?)');
  expect(taskPlan).toContain('SEARCH tasks USING COVERING INDEX tasks_team_lapsed (team_id=? AND updated_at>?)');
  expect(taskPlan).not.toMatch(byTeamOnly('tasks'));
}

/** What `ANALYZE` wrote for these tables on the bench's ten-year history of one team (test/bench/generate.ts). */
const tenYearStatistics: [table: string, index: string, stat: string][] = [
  ['cases', 'cases_team_id', '10000 10000 1'],
  ['cases', 'cases_team_code', '10000 10000 1'],
  ['cases', 'cases_team_status', '10000 10000 3334 1'],
  ['cases', 'cases_gemeente', '10000 1667'],
  ['case_events', 'case_events_at', '19754 1'],
  ['case_events', 'case_events_case', '19754 2'],
  ['tasks', 'tasks_team_status', '30000 30000 15000 62'],
  ['tasks', 'tasks_assignee', '30000 4286 2143'],
  ['tasks', 'tasks_case_status_due', '30000 3 3 2'],
  ['tasks', 'tasks_meeting', '30000 60'],
  ['agreements', 'agreements_team', '10000 10000 20'],
  ['agreements', 'agreements_case', '10000 1'],
];

/** Gives the planner these statistics, as if `ANALYZE` had run on a database that holds them. */
function loadStatistics(sqlite: TestDeps['db']['$client'], rows: typeof tenYearStatistics) {
  sqlite.exec('ANALYZE'); // creates the statistics tables
  sqlite.exec('DELETE FROM sqlite_stat1');
  if (sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat4'").get()) sqlite.exec('DELETE FROM sqlite_stat4');
  const insert = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(...row);
  sqlite.exec('ANALYZE sqlite_schema'); // the planner rereads them
}
