// What the chair sees under the current agenda item besides the notes: a carried-over action to
// settle, or the previous verslag to approve.
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { formatDateTime, formatDay, t } from '../../../i18n';
import { Alert, Button, Status } from '../../../components/Form';
import { TaskEditor } from '../../../components/TaskEditor';
import { taskStatusLabel } from '../../../lib/labels';
import type { LiveSnapshot } from '../live';
import { minutesStatusLabel } from '../shared';
import type { Item } from './notes';

type PreviousMeeting = NonNullable<LiveSnapshot['meeting']['previousMeeting']>;

/**
 * A carried-over action (issue 9.2/9.3): partner, due date and state as they are now, and the
 * chair can give it a new deadline, another partner or let it lapse right here.
 */
export function CarriedAction(props: { item: Item; partners: { id: number; name: string; active: boolean }[] }) {
  const [flash, setFlash] = createSignal<string | null>(null);
  const task = () => ({
    id: props.item.taskId!,
    title: props.item.taskTitle ?? '',
    assigneePartnerId: props.item.taskAssigneePartnerId!,
    dueDate: props.item.taskDueDate ?? '',
    version: props.item.taskVersion ?? 1,
    status: props.item.taskStatus ?? 'open',
  });
  return (
    <section class="card stack" aria-labelledby="carried-title" data-testid="carried-action">
      <h3 class="utrecht-heading-3" id="carried-title">
        {t('agenda.source.carryover')}: {props.item.taskTitle}
      </h3>
      <p class="utrecht-paragraph">
        {t('agenda.actionLine', { partner: props.item.taskPartner ?? '', date: formatDay(props.item.taskDueDate ?? '') })}{' '}
        <Status tone={props.item.taskStatus === 'open' ? (props.item.taskBlocked ? 'warning' : 'neutral') : 'ok'}>
          {props.item.taskStatus === 'open' && props.item.taskBlocked
            ? t('blocker.state')
            : taskStatusLabel(props.item.taskStatus ?? 'open')}
        </Status>
      </p>
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <TaskEditor task={task()} partners={props.partners} onChange={(m) => setFlash(m ?? null)} />
    </section>
  );
}

/**
 * Agenda item 2: the previous overleg's verslag is approved (definitief → vastgesteld) here.
 * Shows its status with a link; the button approves it in this overleg.
 */
export function PreviousMinutes(props: { meetingId: number; previous: PreviousMeeting }) {
  const approve = createAction(() => api.minutes.approve.mutate({ meetingId: props.previous.id, approvedInMeetingId: props.meetingId }));
  const status = () => props.previous.minutesStatus;
  return (
    <section class="card stack" aria-labelledby="previous-minutes-title" data-testid="previous-minutes">
      <h3 class="utrecht-heading-3" id="previous-minutes-title">
        {t('chair.previousMinutes')}
      </h3>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={`/overleggen/${props.previous.id}/verslag`}>
          {t('chair.previousMinutesLink', { date: formatDateTime(props.previous.startsAt) })}
        </A>{' '}
        <Status tone={status() === 'vastgesteld' ? 'ok' : status() === 'definitief' ? 'warning' : 'neutral'}>
          {status() ? minutesStatusLabel(status()!) : t('chair.previousMinutesNone')}
        </Status>
      </p>
      <Show when={approve.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div aria-live="polite">
        <Show when={status() === 'vastgesteld'}>
          <Alert kind="ok">
            {props.previous.minutesApprovedInMeetingId === props.meetingId
              ? t('chair.previousMinutesApprovedHere')
              : t('chair.previousMinutesApproved')}
          </Alert>
        </Show>
      </div>
      <Show when={status() === 'definitief'}>
        <div class="inline-form">
          <Button variant="primary" busy={approve.busy()} onClick={() => void approve.run()}>
            {t('chair.approveMinutes')}
          </Button>
        </div>
      </Show>
      <Show when={status() === 'concept' || status() === null}>
        <p class="utrecht-paragraph muted">{t('chair.previousMinutesNotFinal')}</p>
      </Show>
    </section>
  );
}
