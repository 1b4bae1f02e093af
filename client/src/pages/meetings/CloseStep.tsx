// Chair mode's last step, after the last agenda item (issue 9 item 10): what the overleg produced,
// what is still open, and "Overleg sluiten" (meetings.close, which drafts the verslag) after a confirm.
import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { t } from '../../i18n';
import { Alert, Button } from '../../components/Form';
import type { LiveSnapshot } from './live';

export function CloseStep(props: { snapshot: LiveSnapshot; beforeClose: () => Promise<void> }) {
  const navigate = useNavigate();
  const m = () => props.snapshot.meeting;
  const items = () => m().agenda.filter((i) => i.state === 'geaccepteerd');
  const withRecord = () => items().filter((i) => i.notes.trim() || i.decisions.trim()).length;
  const count = (status: string) => m().attendance.filter((a) => a.status === status).length;
  const unrecorded = () => m().attendance.filter((a) => a.status === null).length;
  const [confirming, setConfirming] = createSignal(false);
  let confirmButton: HTMLButtonElement | undefined;
  const close = createAction(async () => {
    await props.beforeClose(); // the last notes reach the server before the verslag is drafted
    return api.meetings.close.mutate({ id: m().id });
  });
  const ask = () => {
    setConfirming(true);
    queueMicrotask(() => confirmButton?.focus());
  };
  const confirm = async () => {
    if (await close.run()) navigate(`/overleggen/${m().id}/verslag`);
  };
  return (
    <section class="card stack" aria-labelledby="close-step-title" data-testid="close-step">
      <h2 class="utrecht-heading-2" id="close-step-title">
        {t('chair.closeStep')}
      </h2>
      <p class="utrecht-paragraph">{t('chair.closeIntro')}</p>
      <dl class="facts">
        <dt>{t('chair.closeItems')}</dt>
        <dd>{t('chair.closeItemsValue', { n: items().length, recorded: withRecord() })}</dd>
        <dt>{t('chair.captureAgreement')}</dt>
        <dd>{props.snapshot.captured.agreements.length}</dd>
        <dt>{t('chair.captureTask')}</dt>
        <dd>{props.snapshot.captured.tasks.length}</dd>
        <dt>{t('chair.closeAttendance')}</dt>
        <dd>{t('chair.closeAttendanceValue', { present: count('aanwezig'), excused: count('afgemeld'), absent: count('afwezig') })}</dd>
      </dl>
      <Show when={unrecorded() > 0}>
        <Alert kind="warning">{t('chair.closeAttendanceMissing', { n: unrecorded() })}</Alert>
      </Show>
      <Show when={close.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show when={m().status === 'bezig'} fallback={<Alert kind="info">{t('chair.notRunning')}</Alert>}>
        <Show
          when={confirming()}
          fallback={
            <div>
              <Button variant="primary" onClick={ask}>
                {t('chair.closeMeeting')}
              </Button>
            </div>
          }
        >
          <div class="notice stack" role="group" aria-labelledby="close-confirm-text">
            <p class="utrecht-paragraph" id="close-confirm-text">
              <strong>{t('meeting.closeConfirm')}</strong>
            </p>
            <div class="inline-form">
              <Button ref={confirmButton} variant="primary" busy={close.busy()} onClick={() => void confirm()}>
                {t('chair.closeConfirmYes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </Button>
            </div>
          </div>
        </Show>
      </Show>
    </section>
  );
}
