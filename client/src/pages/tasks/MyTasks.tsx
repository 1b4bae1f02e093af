import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDate, formatDay, t } from '../../i18n';
import { Alert, CheckboxField } from '../../components/Form';
import { TaskNotes, TaskState } from '../../components/TaskState';
import { ChangeLog } from '../../components/ChangeLog';
import { TaskActions } from '../../components/TaskActions';
import { LoadError } from '../../components/ResourceError';

export default function MyTasks() {
  const [includeDone, setIncludeDone] = createSignal(false);
  const [flash, setFlash] = createSignal<string | null>(null);
  // The source is an object: a plain `false` would tell createResource not to fetch at all.
  const [tasks, { refetch }] = createResource(
    () => ({ includeDone: includeDone() }),
    (input) => api.tasks.mine.query(input),
  );
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('tasks.mine.title')}
      </h1>
      <p class="utrecht-paragraph">{t('tasks.mine.intro')}</p>
      <CheckboxField label={t('tasks.includeDone')} checked={includeDone()} onChange={setIncludeDone} />
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <Show when={tasks.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show
        when={!tasks.error && tasks()}
        fallback={
          <Show when={!tasks.error}>
            <p class="utrecht-paragraph" role="status">
              {t('app.loading')}
            </p>
          </Show>
        }
      >
        <ul class="task-list" aria-label={t('tasks.mine.title')}>
          <For each={tasks.error ? [] : tasks()} fallback={<li>{t('tasks.mine.none')}</li>}>
            {(task) => (
              <li classList={{ 'is-overdue': task.overdue }} data-testid="task">
                <h2 class="utrecht-heading-3">{task.title}</h2>
                <p class="utrecht-paragraph">
                  <Show when={task.caseCode}>
                    <A class="utrecht-link" href={`/casussen/${task.caseId}`}>
                      {task.caseCode}
                    </A>{' '}
                    · {task.caseAddress} ·{' '}
                  </Show>
                  {t('tasks.due')}: <span classList={{ overdue: task.overdue }}>{formatDay(task.dueDate, 'long')}</span>{' '}
                  <TaskState task={task} />
                </p>
                <TaskNotes task={task} />
                <ChangeLog changes={task.changes} />
                <Show when={task.status === 'gereed'}>
                  <p class="utrecht-paragraph">
                    {t('tasks.result')}: {task.resultNote}
                  </p>
                  <p class="utrecht-paragraph muted">
                    {t('tasks.doneBy', { name: task.completedBy ?? '', date: formatDate(task.completedAt) })}
                  </p>
                </Show>
                <TaskActions
                  task={task}
                  onChange={(m) => {
                    setFlash(m ?? null);
                    void refetch();
                  }}
                />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
