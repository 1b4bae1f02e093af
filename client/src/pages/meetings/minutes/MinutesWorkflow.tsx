// The coordinator's part of the verslag: finalise, reopen, send and approve (the status cycle).
import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { formatDateTime, t } from '../../../i18n';
import { Alert, Button, SelectField } from '../../../components/Form';
import { confirmDialog } from '../../../components/ConfirmDialog';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;

/** The coordinator's buttons for the status cycle and distribution. */
export function Workflow(props: { view: View; flush: () => Promise<boolean>; onChange: (message?: string) => Promise<void> }) {
  const finalise = createAction(async () => {
    if (!(await props.flush())) return;
    await api.minutes.finalise.mutate({ meetingId: props.view.meetingId });
    await props.onChange(t('minutes.finalised'));
  });
  const reopen = createAction(async () => {
    await api.minutes.reopen.mutate({ meetingId: props.view.meetingId });
    await props.onChange(t('minutes.reopened'));
  });
  const send = createAction(async () => {
    const result = await api.minutes.send.mutate({ meetingId: props.view.meetingId });
    if (result.alreadySent) return props.onChange(t('minutes.alreadySent'));
    await props.onChange(
      result.failed > 0
        ? t('minutes.sentWithFailures', { n: result.recipients, failed: result.failed })
        : t('minutes.sent', { n: result.recipients }),
    );
  });
  const error = () => finalise.error() ?? reopen.error() ?? send.error();
  // Asked before the action starts, so the button keeps focus for when the dialog closes.
  // Members lose the verslag until it is final again; sending mails every member.
  const askReopen = async () => {
    if (await confirmDialog({ title: t('minutes.reopen'), body: t('confirm.reopen'), confirm: t('minutes.reopen'), danger: true }))
      void reopen.run();
  };
  const askSend = async () => {
    if (await confirmDialog({ title: t('minutes.send'), body: t('confirm.send'), confirm: t('minutes.send') })) void send.run();
  };
  return (
    <section class="card stack no-print">
      <Show when={error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.view.status === 'concept'}>
        <p class="utrecht-paragraph">{t('minutes.finaliseHelp')}</p>
        <div class="inline-form">
          <Button variant="primary" busy={finalise.busy()} onClick={() => void finalise.run()}>
            {t('minutes.finalise')}
          </Button>
        </div>
      </Show>
      <Show when={props.view.status !== 'concept'}>
        <p class="utrecht-paragraph">{t('minutes.sendHelp')}</p>
        <Show
          when={props.view.mailConfigured}
          fallback={
            <p class="utrecht-paragraph notice" id="minutes-mail-off">
              {t('minutes.mailNotConfigured')}
            </p>
          }
        >
          <div class="inline-form">
            <Button variant="primary" busy={send.busy()} onClick={() => void askSend()}>
              {t('minutes.send')}
            </Button>
            <Show when={props.view.status === 'definitief'}>
              <Button busy={reopen.busy()} onClick={() => void askReopen()}>
                {t('minutes.reopen')}
              </Button>
            </Show>
          </div>
        </Show>
        <Show when={!props.view.mailConfigured && props.view.status === 'definitief'}>
          <div class="inline-form">
            <Button busy={reopen.busy()} onClick={() => void askReopen()}>
              {t('minutes.reopen')}
            </Button>
          </div>
        </Show>
      </Show>
      <Show when={props.view.status === 'definitief'}>
        <Approve view={props.view} onChange={props.onChange} />
      </Show>
    </section>
  );
}

function Approve(props: { view: View; onChange: (message?: string) => Promise<void> }) {
  // Only the overleggen held after this one (soonest first): not the team's whole history.
  const [list] = createResource(
    () => props.view.meetingId,
    (meetingId) => api.meetings.list.query({ heldAfter: meetingId }),
  );
  const candidates = createMemo(() => list()?.past ?? []);
  const [chosen, setChosen] = createSignal('');
  createEffect(
    on(candidates, (c) => {
      if (!chosen() && c[0]) setChosen(String(c[0].id));
    }),
  );
  const approve = createAction(async () => {
    await api.minutes.approve.mutate({ meetingId: props.view.meetingId, approvedInMeetingId: Number(chosen()) });
    await props.onChange(t('minutes.approved'));
  });
  return (
    <Show
      when={candidates().length > 0}
      fallback={
        <p class="utrecht-paragraph muted">
          {t('minutes.approveHelp')} {t('minutes.noLaterMeeting')}
        </p>
      }
    >
      <div class="stack">
        <Show when={approve.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <div class="inline-form">
          <SelectField
            label={t('minutes.approveIn')}
            description={t('minutes.approveHelp')}
            value={chosen()}
            onChange={(e) => setChosen(e.currentTarget.value)}
            options={candidates().map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt)} — ${m.title}` }))}
          />
          <Button busy={approve.busy()} onClick={() => void approve.run()}>
            {t('minutes.approve')}
          </Button>
        </div>
      </div>
    </Show>
  );
}
