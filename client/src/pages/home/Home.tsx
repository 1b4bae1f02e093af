import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole, me } from '../../lib/session';
import { formatDay, t } from '../../i18n';
import { Status } from '../../components/Form';
import Dashboard from './Dashboard';
import { CorrectionNotices } from '../../components/CorrectionNotices';

/** The home page lists the first open tasks; "Mijn taken" has them all. */
const HOME_TASKS = 8;

export default function Home() {
  const [team] = createResource(() => api.team.get.query());
  const [myTasks] = createResource(
    () => hasRole('member'),
    () => api.tasks.mine.query({ limit: HOME_TASKS }),
  );
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('home.welcome', { name: me()?.name ?? '' })}
      </h1>
      <Show when={team()}>
        {(tm) => (
          <>
            <p class="utrecht-paragraph">{tm().name}</p>
            <Show when={!tm().covenant.active && tm().covenant.endsOn}>
              <p class="utrecht-paragraph notice" role="note">
                {t('home.covenantEnded', { title: tm().covenant.title, date: formatDay(tm().covenant.endsOn, 'long') })}
              </p>
            </Show>
          </>
        )}
      </Show>
      <Show when={hasRole('member', 'coordinator')}>
        <CorrectionNotices />
      </Show>
      <Show when={hasRole('viewer')}>
        <p class="utrecht-paragraph">{t('home.viewer')}</p>
      </Show>
      <Show when={hasRole('member')}>
        <section class="card">
          <h2 class="utrecht-heading-2">{t('home.myOpenTasks')}</h2>
          <ul class="utrecht-unordered-list">
            {/* "No open tasks" only once the list is there: loading and failing say so instead. */}
            <For
              each={myTasks.error ? [] : (myTasks() ?? [])}
              fallback={
                <li role="status">
                  {myTasks.error ? t('tasks.loadFailed') : myTasks() === undefined ? t('app.loading') : t('home.noOpenTasks')}
                </li>
              }
            >
              {(task) => (
                <li>
                  <A class="utrecht-link" href="/mijn-taken">
                    {task.title}
                  </A>
                  {task.caseCode ? ` (${task.caseCode}, ${task.caseAddress})` : ''} — {formatDay(task.dueDate)}
                  <Show when={task.overdue}>
                    {' '}
                    <Status tone="danger">{t('tasks.overdue')}</Status>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Dashboard />
    </section>
  );
}
