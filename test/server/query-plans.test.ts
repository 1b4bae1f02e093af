// The hot reads use their indexes (issue 12): SQLite's own query plan for the statements the
// procedures really run, captured on a fresh database with the real migrations. A missing index
// shows up here as a scan or a sort of the team's whole history; the bench (test/bench) measures
// what that costs.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
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

/** The SQL of every statement `fn` prepares, with SQLite's plan for each. */
async function plans(fn: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
  const sqlite = deps.db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const seen: string[] = [];
  sqlite.prepare = (source: string) => (seen.push(source), prepare(source));
  try {
    await fn();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*select/i.test(s))
    .map((s) => ({
      sql: s,
      plan: (prepare(`explain query plan ${s}`).all(...new Array<null>((s.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[])
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

  it('reports.progress reads werkafspraken and status changes of its period by index', async () => {
    const viewer = await makeUser(deps, pit, 'viewer');
    const all = await plans(() => callerFor(deps, viewer).reports.progress({ from: '2026-01-01', to: '2026-06-30' }));
    expect(planOf(all, /from "agreements"/)).toContain('agreements_team');
    expect(planOf(all, /from "case_events"/)).toContain('case_events_at');
  });
});
