import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDate, formatDay, t } from '../../i18n';
import { Alert, Button, CheckboxField } from '../../components/Form';
import { TaskNotes, TaskState } from '../../components/TaskState';
import { ChangeLog } from '../../components/ChangeLog';
import { TaskActions } from '../../components/TaskActions';
import { LoadError } from '../../components/ResourceError';
import { MY_TASKS_PAGE } from '../../../../server/shared/paging';

type Task = Awaited<ReturnType<typeof api.tasks.mine.query>>[number];
type Listed = { list: Task[]; more: boolean };

/**
 * The server answers a page of MY_TASKS_PAGE tasks; `cursor` is how many the list already has.
 * Loads pages until the list holds at least `want` tasks (a refresh after an action keeps what
 * was shown); a task that moved up between two pages is not shown twice.
 */
async function loadTasks(includeDone: boolean, want: number, start: Task[] = []): Promise<Listed> {
  const list = [...start];
  const seen = new Set(list.map((task) => task.id));
  for (let cursor = list.length; ; cursor += MY_TASKS_PAGE) {
    const page = await api.tasks.mine.query({ includeDone, cursor });
    for (const task of page) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      list.push(task);
    }
    if (page.length < MY_TASKS_PAGE) return { list, more: false };
    if (list.length >= want) return { list, more: true };
  }
}

export default function MyTasks() {
  const [includeDone, setIncludeDone] = createSignal(false);
  const [flash, setFlash] = createSignal<string | null>(null);
  const [shown, setShown] = createSignal(MY_TASKS_PAGE);
  // The source is an object: a plain `false` would tell createResource not to fetch at all.
  const [listed, { refetch, mutate }] = createResource<Listed, { includeDone: boolean }>(
    () => ({ includeDone: includeDone() }),
    (input, info) => loadTasks(input.includeDone, info.refetching ? shown() : MY_TASKS_PAGE),
  );
  const tasks = () => listed()?.list;
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreFailed, setMoreFailed] = createSignal<unknown>(null);
  let list: HTMLUListElement | undefined;
  async function loadMore() {
    const current = listed();
    if (!current) return;
    setLoadingMore(true);
    setMoreFailed(null);
    try {
      const next = await loadTasks(includeDone(), current.list.length + 1, current.list);
      mutate(next);
      setShown(next.list.length);
      // Keyboard users go on at the first task that came in (the button may be gone now).
      const first = next.list[current.list.length];
      if (first) queueMicrotask(() => list?.querySelector<HTMLElement>(`[data-task-id="${first.id}"] h2`)?.focus());
    } catch (error) {
      setMoreFailed(error);
    } finally {
      setLoadingMore(false);
    }
  }
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('tasks.mine.title')}
      </h1>
      <p class="utrecht-paragraph">{t('tasks.mine.intro')}</p>
      <CheckboxField
        label={t('tasks.includeDone')}
        checked={includeDone()}
        onChange={(on) => {
          setShown(MY_TASKS_PAGE);
          setIncludeDone(on);
        }}
      />
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <Show when={listed.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show
        when={!listed.error && tasks()}
        fallback={
          <Show when={!listed.error}>
            <p class="utrecht-paragraph" role="status">
              {t('app.loading')}
            </p>
          </Show>
        }
      >
        <ul class="task-list" aria-label={t('tasks.mine.title')} ref={list}>
          <For each={listed.error ? [] : tasks()} fallback={<li>{t('tasks.mine.none')}</li>}>
            {(task) => (
              <li classList={{ 'is-overdue': task.overdue }} data-testid="task" data-task-id={task.id}>
                <h2 class="utrecht-heading-3" tabindex="-1">
                  {task.title}
                </h2>
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
        <Show when={moreFailed()}>{(e) => <LoadError error={e()} />}</Show>
        <Show when={listed()?.more}>
          <Button onClick={() => void loadMore()} busy={loadingMore()}>
            {t('app.loadMore')}
          </Button>
        </Show>
      </Show>
    </section>
  );
}
