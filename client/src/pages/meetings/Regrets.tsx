// Issue 9.13: before the overleg, a member sends regrets or a delegate for their own partner. The
// attendance list starts from it; the chair can still change attendance in the overleg.
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction, act } from '../../lib/action';
import { me } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import type { Meeting } from './shared';

type Kind = 'afgemeld' | 'vervanger';

export function Regrets(props: { meeting: Pick<Meeting, 'id' | 'attendance'>; onChange: (message?: string) => void }) {
  const partnerId = () => me()?.partnerId ?? null;
  const row = () => props.meeting.attendance.find((a) => a.partnerId === partnerId());
  const announced = () => row()?.announcement ?? null;
  const [members] = createResource(() => api.team.members.query());
  const colleagues = () => (members() ?? []).filter((u) => u.partnerId === partnerId() && u.id !== me()?.id && !u.disabled);
  const [kind, setKind] = createSignal<Kind>('afgemeld');
  const [reason, setReason] = createSignal('');
  const [delegate, setDelegate] = createSignal('');
  const send = createAction(() =>
    api.attendance.announce.mutate({
      meetingId: props.meeting.id,
      kind: kind(),
      reason: kind() === 'afgemeld' ? reason() || null : null,
      delegateUserId: kind() === 'vervanger' && delegate() ? Number(delegate()) : null,
      version: announced()?.version ?? null,
    }),
  );
  const withdraw = createAction(() => api.attendance.withdraw.mutate({ meetingId: props.meeting.id, version: announced()!.version }));

  async function submit(e: Event) {
    e.preventDefault();
    if (await send.run()) props.onChange(t('regrets.sent'));
  }

  return (
    <Show when={row()}>
      <section class="card stack" aria-labelledby="regrets-title" data-testid="regrets">
        <h2 class="utrecht-heading-2" id="regrets-title">
          {t('regrets.title')}
        </h2>
        <Show when={announced()}>
          {(a) => (
            <div class="stack">
              <p class="utrecht-paragraph" data-testid="regrets-current">
                {a().kind === 'afgemeld'
                  ? `${t('regrets.currentRegrets')}${a().reason ? ` (${a().reason})` : ''}`
                  : `${t('regrets.currentDelegate')}: ${a().delegate?.name ?? ''}`}
              </p>
              <div>
                <Button
                  variant="secondary"
                  busy={withdraw.busy()}
                  onClick={act(async () => {
                    if (await withdraw.run()) props.onChange(t('regrets.withdrawn'));
                  })}
                >
                  {t('regrets.withdraw')}
                </Button>
              </div>
              <Show when={withdraw.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
            </div>
          )}
        </Show>
        <form class="stack" onSubmit={(e) => void submit(e)}>
          <fieldset class="attendance-choice">
            <legend>{t('regrets.what')}</legend>
            <label class="attendance-option">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                name="regrets-kind"
                value="afgemeld"
                checked={kind() === 'afgemeld'}
                onChange={() => setKind('afgemeld')}
              />{' '}
              {t('regrets.kindRegrets')}
            </label>
            <label class="attendance-option">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                name="regrets-kind"
                value="vervanger"
                checked={kind() === 'vervanger'}
                onChange={() => setKind('vervanger')}
              />{' '}
              {t('regrets.kindDelegate')}
            </label>
          </fieldset>
          <Show
            when={kind() === 'afgemeld'}
            fallback={
              <SelectField
                label={t('regrets.delegate')}
                name="delegateUserId"
                required
                value={delegate()}
                placeholder={t('regrets.choose')}
                options={colleagues().map((u) => ({ value: u.id, label: u.name }))}
                error={send.field('delegateUserId')}
                onChange={(e) => {
                  setDelegate(e.currentTarget.value);
                  send.clearField('delegateUserId');
                }}
              />
            }
          >
            <TextField
              label={t('regrets.reason')}
              name="reason"
              optional
              maxLength={200}
              value={reason()}
              description={t('regrets.reasonHint')}
              error={send.field('reason')}
              onInput={(e) => {
                setReason(e.currentTarget.value);
                send.clearField('reason');
              }}
            />
          </Show>
          <Show when={send.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
          <div>
            <Button type="submit" busy={send.busy()}>
              {t('regrets.send')}
            </Button>
          </div>
        </form>
      </section>
    </Show>
  );
}
