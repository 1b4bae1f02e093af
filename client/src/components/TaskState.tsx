// The state of a task in one badge: knelpunt (blocked) before overdue before the status.
import { Show } from 'solid-js';
import { taskStatusLabel } from '../lib/labels';
import { t } from '../i18n';
import { Status } from './Form';

type TaskLike = { status: string; overdue: boolean; blockedAt?: string | null; blockerNote?: string | null; lapseReason?: string | null };

export function TaskState(props: { task: TaskLike }) {
  const blocked = () => props.task.status === 'open' && Boolean(props.task.blockedAt);
  return (
    <>
      <Show
        when={blocked()}
        fallback={
          <Status tone={props.task.overdue ? 'danger' : props.task.status === 'gereed' ? 'ok' : 'neutral'}>
            {props.task.overdue ? t('tasks.overdue') : taskStatusLabel(props.task.status)}
          </Status>
        }
      >
        <Status tone="warning">{t('blocker.state')}</Status>
        <Show when={props.task.overdue}>
          {' '}
          <Status tone="danger">{t('tasks.overdue')}</Status>
        </Show>
      </Show>
    </>
  );
}

/** The knelpunt or lapse reason under a task, when there is one. */
export function TaskNotes(props: { task: TaskLike }) {
  return (
    <>
      <Show when={props.task.status === 'open' && props.task.blockedAt && props.task.blockerNote}>
        <p class="utrecht-paragraph notice">{t('tasks.blockerShown', { note: props.task.blockerNote! })}</p>
      </Show>
      <Show when={props.task.status === 'vervallen' && props.task.lapseReason}>
        <p class="utrecht-paragraph muted">{t('taskEdit.lapsedBecause', { reason: props.task.lapseReason! })}</p>
      </Show>
    </>
  );
}
