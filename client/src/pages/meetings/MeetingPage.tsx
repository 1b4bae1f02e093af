import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDateTime, t } from '../../i18n';
import { Alert, Status } from '../../components/Form';
import { Attendance } from './Attendance';
import { Regrets } from './Regrets';
import { Loaded } from '../../components/ResourceError';
import { meetingStatusLabel, minutesStatusLabel, minutesText, statusTone } from './shared';
import { Actions, EditDetails } from './meeting/MeetingActions';
import { Agenda } from './meeting/AgendaEditor';

export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  const id = () => Number(params.id);
  const [meeting, { refetch }] = createResource(id, (meetingId) => api.meetings.get.query({ id: meetingId }));
  const [partners] = createResource(() => api.partners.list.query());
  const [flash, setFlash] = createSignal<string | null>(null);
  const done = (message?: string) => {
    setFlash(message ?? null);
    void refetch();
  };
  return (
    <Loaded resource={meeting} back={{ href: '/overleggen', label: t('resource.backToMeetings') }}>
      {(m) => (
        <article class="stack">
          <p class="utrecht-paragraph">
            <A class="utrecht-link" href="/overleggen">
              ← {t('meeting.back')}
            </A>
          </p>
          <div class="page-header">
            <div>
              <p class="utrecht-paragraph muted">{m().team}</p>
              <h1 class="utrecht-heading-1" tabindex="-1">
                {m().title}
              </h1>
              <p class="utrecht-paragraph">
                <strong>{formatDateTime(m().startsAt)}</strong> · {minutesText(m().durationMinutes)}
              </p>
            </div>
            <div>
              <Status tone={statusTone(m().status)}>{meetingStatusLabel(m().status)}</Status>
              <Show when={m().minutesStatus}>
                {(s) => (
                  <>
                    {' '}
                    <Status>{minutesStatusLabel(s())}</Status>
                  </>
                )}
              </Show>
            </div>
          </div>
          <div aria-live="polite">
            <Show when={flash()}>{(msg) => <Alert kind="ok">{msg()}</Alert>}</Show>
          </div>
          <Actions meeting={m()} onChange={done} />
          <section class="card">
            <h2 class="utrecht-heading-2">{t('meeting.details')}</h2>
            <dl class="facts">
              <Show when={m().location}>
                <dt>{t('meetings.location')}</dt>
                <dd>{m().location}</dd>
              </Show>
              <Show when={m().videoLink}>
                <dt>{t('meetings.videoLink')}</dt>
                <dd>
                  <a class="utrecht-link" href={m().videoLink!} rel="noopener noreferrer" target="_blank">
                    {m().videoLink}
                  </a>
                </dd>
              </Show>
              <Show when={m().chair}>
                <dt>{t('meeting.chair')}</dt>
                <dd>{m().chair}</dd>
              </Show>
            </dl>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/calendar/meeting/${m().id}.ics`} download="">
                {t('meeting.ics')}
              </a>
            </p>
            <Show when={hasRole('coordinator') && m().status !== 'gesloten'}>
              <EditDetails meeting={m()} onChange={done} />
            </Show>
          </section>
          <Agenda meeting={m()} partners={partners() ?? []} onChange={done} />
          <Show when={hasRole('member') && (m().status === 'concept' || m().status === 'gepubliceerd')}>
            <Regrets meeting={m()} onChange={done} />
          </Show>
          <Attendance meeting={m()} onChange={done} />
        </article>
      )}
    </Loaded>
  );
}
