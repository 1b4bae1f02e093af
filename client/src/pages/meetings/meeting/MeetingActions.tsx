// The overleg's status actions (publish, start, close, cancel) and its details form.
import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import { api, errorKey, errorMessage } from '../../../lib/trpc';
import { createAction, act } from '../../../lib/action';
import { hasRole } from '../../../lib/session';
import { t } from '../../../i18n';
import { amsterdamParts, amsterdamToIso } from '../../../lib/dates';
import { Alert, Button } from '../../../components/Form';
import { withConfirmation } from '../../../components/ConfirmDialog';
import { type Meeting } from '../shared';
import { MeetingDetailsFields } from '../MeetingDetailsFields';

export function Actions(props: { meeting: Meeting; onChange: (message?: string) => void }) {
  const navigate = useNavigate();
  const m = () => props.meeting;
  const publish = createAction(() => api.meetings.publish.mutate({ id: m().id }));
  // Well before the planned time the server asks whether this is really the overleg to start.
  const start = createAction(() =>
    withConfirmation(
      (confirmEarly) => api.meetings.start.mutate({ id: m().id, confirmEarly }),
      (error) =>
        errorKey(error) === 'meetings.startEarly'
          ? { title: t('meeting.start'), body: errorMessage(error, ''), confirm: t('confirm.startEarlyOk') }
          : null,
    ),
  );
  const close = createAction(() => api.meetings.close.mutate({ id: m().id }));
  const remove = createAction(() => api.meetings.remove.mutate({ id: m().id }));
  const cancel = createAction(() => api.meetings.cancel.mutate({ id: m().id }));
  const error = () => publish.error() ?? start.error() ?? close.error() ?? remove.error() ?? cancel.error();
  return (
    <div class="stack no-print">
      <Show when={error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div class="inline-form">
        <Show when={hasRole('coordinator')}>
          <Show when={m().status === 'concept'}>
            <Button
              variant="primary"
              busy={publish.busy()}
              onClick={act(async () => {
                if (await publish.run()) props.onChange(t('meeting.published'));
              })}
              aria-describedby="publish-help"
            >
              {t('meeting.publish')}
            </Button>
            <Button
              variant="danger"
              busy={remove.busy()}
              onClick={act(async () => {
                if (!confirm(t('meeting.removeConfirm'))) return;
                if (await remove.run()) navigate('/overleggen');
              })}
            >
              {t('meeting.remove')}
            </Button>
          </Show>
          <Show when={m().status === 'gepubliceerd'}>
            <Button
              variant="primary"
              busy={start.busy()}
              onClick={act(async () => {
                if (await start.run()) navigate(`/overleggen/${m().id}/voorzitten`);
              })}
            >
              {t('meeting.start')}
            </Button>
            <Button
              variant="danger"
              busy={cancel.busy()}
              onClick={act(async () => {
                if (!confirm(t('meeting.cancelConfirm'))) return;
                if (await cancel.run()) navigate('/overleggen');
              })}
            >
              {t('meeting.cancel')}
            </Button>
          </Show>
          <Show when={m().status === 'bezig'}>
            <A class="utrecht-button utrecht-button--primary-action" href={`/overleggen/${m().id}/voorzitten`}>
              {t('meeting.chairMode')}
            </A>
            <Button
              busy={close.busy()}
              onClick={act(async () => {
                if (!confirm(t('meeting.closeConfirm'))) return;
                if (await close.run()) props.onChange(t('meeting.closed'));
              })}
            >
              {t('meeting.close')}
            </Button>
          </Show>
        </Show>
        <Show when={m().minutesStatus}>
          <A class="utrecht-button utrecht-button--secondary-action" href={`/overleggen/${m().id}/verslag`}>
            {t('meeting.minutes')}
          </A>
        </Show>
        <Show when={m().status === 'bezig' || (m().status === 'gepubliceerd' && !hasRole('coordinator'))}>
          <A class="utrecht-button utrecht-button--secondary-action" href={`/overleggen/${m().id}/live`}>
            {t('meeting.liveView')}
          </A>
        </Show>
      </div>
      <Show when={m().status === 'concept' && hasRole('coordinator')}>
        <p class="utrecht-paragraph muted" id="publish-help">
          {t('meeting.publishHelp')}
        </p>
      </Show>
    </div>
  );
}

export function EditDetails(props: { meeting: Meeting; onChange: (message?: string) => void }) {
  // The form starts from the overleg as loaded; later changes by others do not overwrite typing.
  const initial = untrack(() => ({ ...props.meeting, ...amsterdamParts(props.meeting.startsAt) }));
  const [date, setDate] = createSignal(initial.date);
  const [time, setTime] = createSignal(initial.time);
  const [title, setTitle] = createSignal(initial.title);
  const [location, setLocation] = createSignal(initial.location ?? '');
  const [videoLink, setVideoLink] = createSignal(initial.videoLink ?? '');
  const [duration, setDuration] = createSignal(String(initial.durationMinutes));
  const action = createAction(() =>
    api.meetings.update.mutate({
      id: props.meeting.id,
      version: props.meeting.version,
      startsAt: amsterdamToIso(date(), time()),
      title: title(),
      location: location() || null,
      videoLink: videoLink() || null,
      durationMinutes: Number(duration()) || 120,
    }),
  );
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await action.run()) props.onChange(t('app.saved'));
  };
  return (
    <details class="no-print">
      <summary>{t('meeting.edit')}</summary>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <MeetingDetailsFields
          date={{ value: date, set: setDate }}
          time={{ value: time, set: setTime }}
          duration={{ value: duration, set: setDuration }}
          title={{ value: title, set: setTitle }}
          location={{ value: location, set: setLocation }}
          videoLink={{ value: videoLink, set: setVideoLink }}
          titleRequired={true}
          error={action.field}
        />
        <Button type="submit" variant="primary" busy={action.busy()}>
          {t('app.save')}
        </Button>
      </form>
    </details>
  );
}

// ── Agenda ──────────────────────────────────────────────────────────────────────────────────
