// The casus's tasks: each with its partner, due date and state, the coordinator's editor and the
// assignee's actions; below them the coordinator's form for a new task.
import { For, Show } from 'solid-js';
import { hasRole, me } from '../../../lib/session';
import { formatDay, t } from '../../../i18n';
import { TaskActions } from '../../../components/TaskActions';
import { TaskNotes, TaskState } from '../../../components/TaskState';
import { ChangeLog } from '../../../components/ChangeLog';
import { TaskEditor } from '../../../components/TaskEditor';
import { AddCaseTask } from './AddCaseTask';
import type { Casus, OnChange, Partner } from './types';

export function CaseTasks(props: { casus: Casus; partners: Partner[]; partnerName: Map<number, string>; onChange: OnChange }) {
  const mayAct = (partnerId: number) => hasRole('coordinator') || me()?.partnerId === partnerId;
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('tasks.title')}</h2>
      <Show when={props.casus.tasks.length > 0} fallback={<p class="utrecht-paragraph">{t('tasks.none')}</p>}>
        <ul class="task-list">
          <For each={props.casus.tasks}>
            {(task) => (
              <li classList={{ 'is-overdue': task.overdue }} data-testid="case-task">
                <h3>{task.title}</h3>
                <p class="utrecht-paragraph">
                  {props.partnerName.get(task.assigneePartnerId)} · {t('tasks.due')}:{' '}
                  <span classList={{ overdue: task.overdue }}>{formatDay(task.dueDate)}</span> <TaskState task={task} />
                </p>
                <Show when={task.resultNote}>
                  <p class="utrecht-paragraph">
                    {t('tasks.result')}: {task.resultNote}
                  </p>
                </Show>
                <TaskNotes task={task} />
                <ChangeLog changes={task.changes} />
                <Show when={hasRole('coordinator')}>
                  <TaskEditor task={task} partners={props.partners} onChange={props.onChange} />
                </Show>
                <Show when={mayAct(task.assigneePartnerId) && task.status !== 'vervallen'}>
                  <TaskActions task={task} onChange={props.onChange} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={hasRole('coordinator') && props.casus.status !== 'ingetrokken'}>
        <AddCaseTask casus={props.casus} partners={props.partners} onChange={props.onChange} />
      </Show>
    </section>
  );
}
