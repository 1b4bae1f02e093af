// The home page figures (issue 5): the coordinator's state of affairs, a member's own partner,
// and figures only (no casus details, no addresses) for viewer, admin and privacy.
import { A } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { api } from '../../lib/trpc';
import { caseStatusLabel } from '../../lib/labels';
import { formatDateTime, formatDay, t } from '../../i18n';
import { Status } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

type Figures = { casesByStatus: Record<string, number>; openTasks: number; overdueTasks: number; upcomingControls: number };

function FigureList(props: { figures: Figures }) {
  return (
    <dl class="figures">
      <For each={Object.entries(props.figures.casesByStatus)}>
        {([status, n]) => (
          <div>
            <dt>{caseStatusLabel(status)}</dt>
            <dd>{n}</dd>
          </div>
        )}
      </For>
      <div>
        <dt>{t('dashboard.openTasks')}</dt>
        <dd>{props.figures.openTasks}</dd>
      </div>
      <div>
        <dt>{t('dashboard.overdueTasks')}</dt>
        <dd>{props.figures.overdueTasks}</dd>
      </div>
      <div>
        <dt>{t('dashboard.upcomingControls')}</dt>
        <dd>{props.figures.upcomingControls}</dd>
      </div>
    </dl>
  );
}

function TasksTable(props: { rows: { partner: string; open: number; overdue: number }[] }) {
  return (
    <DataTable
      caption={t('dashboard.tasksByPartner')}
      rows={props.rows}
      empty={t('home.noOpenTasks')}
      columns={[
        { header: t('dashboard.partner'), rowHeader: true, cell: (r) => r.partner },
        { header: t('dashboard.open'), class: 'num', cell: (r) => r.open },
        { header: t('dashboard.overdue'), class: 'num', cellClass: (r) => (r.overdue > 0 ? 'overdue' : undefined), cell: (r) => r.overdue },
      ]}
    />
  );
}

/** Knelpunten (issue 9.5): tasks a partner reported stuck, waiting for the coordinator. */
function Blockers(props: {
  rows: {
    taskId: number;
    title: string;
    partner: string;
    caseId: number | null;
    caseCode: string | null;
    note: string | null;
    blockedAt: string | null;
  }[];
}) {
  return (
    <Show when={props.rows.length > 0}>
      <section class="card stack notice" aria-labelledby="blockers-title" data-testid="home-blockers">
        <h3 class="utrecht-heading-3" id="blockers-title">
          {t('blocker.homeTitle')} ({props.rows.length})
        </h3>
        <p class="utrecht-paragraph">{t('blocker.homeIntro')}</p>
        <ul class="utrecht-unordered-list">
          <For each={props.rows}>
            {(b) => (
              <li>
                <A class="utrecht-link" href={`/taken?knelpunt=${b.taskId}`}>
                  {t('blocker.homeLine', { partner: b.partner, title: b.title, note: b.note ?? '' })}
                </A>
                <Show when={b.caseId}>
                  {' '}
                  ·{' '}
                  <A class="utrecht-link" href={`/casussen/${b.caseId}`}>
                    {b.caseCode}
                  </A>
                </Show>
                <Show when={b.blockedAt}>
                  {' '}
                  <span class="muted">({formatDateTime(b.blockedAt)})</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

export default function Dashboard() {
  const [data] = createResource(() => api.dashboard.get.query());
  return (
    <section class="stack" aria-labelledby="dashboard-title">
      <h2 class="utrecht-heading-2" id="dashboard-title">
        {t('dashboard.title')}
      </h2>
      <Show when={data()}>
        {(d) => (
          <Switch>
            <Match when={d().kind === 'coordinator' && d()}>
              {(c) => {
                const v = c() as Extract<ReturnType<typeof data> & object, { kind: 'coordinator' }>;
                return (
                  <div class="stack">
                    <p class="utrecht-paragraph">
                      <strong>{t('dashboard.nextMeeting')}:</strong>{' '}
                      {v.nextMeeting ? `${v.nextMeeting.title} — ${formatDateTime(v.nextMeeting.startsAt)}` : t('dashboard.noMeeting')}
                    </p>
                    <Blockers rows={v.blockers} />
                    <FigureList figures={v.figures} />
                    <TasksTable rows={v.tasksByPartner} />
                    <h3 class="utrecht-heading-3">{t('dashboard.controls')}</h3>
                    <ul class="utrecht-unordered-list">
                      <For each={v.controls} fallback={<li>{t('dashboard.noControls')}</li>}>
                        {(c) => (
                          <li>
                            <A class="utrecht-link" href={`/controles/${c.id}`}>
                              {formatDay(c.plannedOn, 'long')}
                              {c.startTime ? `, ${c.startTime}` : ''}
                            </A>{' '}
                            — {c.cases.map((x) => x.address).join('; ')} <span class="muted">({c.partners.join(', ')})</span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </div>
                );
              }}
            </Match>
            <Match when={d().kind === 'member' && d()}>
              {(m) => {
                const v = m() as Extract<ReturnType<typeof data> & object, { kind: 'member' }>;
                return (
                  <div class="stack">
                    <p class="utrecht-paragraph">
                      <strong>{t('dashboard.nextMeeting')}:</strong>{' '}
                      {v.nextMeeting ? `${v.nextMeeting.title} — ${formatDateTime(v.nextMeeting.startsAt)}` : t('dashboard.noMeeting')}
                    </p>
                    <p class="utrecht-paragraph">
                      {t('dashboard.myTasks', { open: v.myTasks.open, overdue: v.myTasks.overdue })}{' '}
                      <Show when={v.myTasks.overdue > 0}>
                        <Status tone="danger">{t('tasks.overdue')}</Status>
                      </Show>
                    </p>
                    <Show when={v.myControls.length > 0}>
                      <h3 class="utrecht-heading-3">{t('dashboard.controls')}</h3>
                      <ul class="utrecht-unordered-list">
                        <For each={v.myControls}>
                          {(c) => (
                            <li>
                              <A class="utrecht-link" href={`/controles/${c.id}`}>
                                {formatDay(c.plannedOn, 'long')}
                                {c.startTime ? `, ${c.startTime}` : ''}
                              </A>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </div>
                );
              }}
            </Match>
            <Match when={d().kind === 'figures' && d()}>
              {(f) => {
                const v = f() as Extract<ReturnType<typeof data> & object, { kind: 'figures' }>;
                return (
                  <div class="stack">
                    <Show when={v.nextMeetingOn}>
                      <p class="utrecht-paragraph">{t('dashboard.nextMeetingOn', { date: formatDateTime(v.nextMeetingOn) })}</p>
                    </Show>
                    <FigureList figures={v.figures} />
                    <TasksTable rows={v.tasksByPartner} />
                    <p class="utrecht-paragraph">
                      <A class="utrecht-link" href="/rapportage">
                        {t('reports.title')}
                      </A>
                    </p>
                  </div>
                );
              }}
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
