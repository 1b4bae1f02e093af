import { createSignal, Show, untrack } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { formatDay, t } from '../../../i18n';
import { Alert, Button, TextField } from '../../../components/Form';
import type { Casus, OnChange } from './types';

/** P11 (art. 26.4): per betrokkene the date they were informed, or why informing is postponed. */
export function Informed(props: { subject: Casus['subjects'][number]; mayRecord: boolean; policeOnly: boolean; onChange: OnChange }) {
  const [open, setOpen] = createSignal(false);
  // The form starts from the values as loaded; edits are the form's own state.
  const [on, setOn] = createSignal(untrack(() => props.subject.informedOn ?? ''));
  const [reason, setReason] = createSignal(untrack(() => props.subject.informPostponedReason ?? ''));
  const save = createAction(async () => {
    await api.subjects.setInformed.mutate({
      subjectId: props.subject.id,
      informedOn: on() || null,
      postponedReason: reason().trim() || null,
    });
    setOpen(false);
    props.onChange(t('subjects.informSaved'));
  });
  return (
    // art. 26.3: a betrokkene known only from police data is informed by the police, not the team.
    <Show when={!props.policeOnly} fallback={<p class="utrecht-paragraph muted">{t('subjects.informPoliceOnly')}</p>}>
      <div class="stack">
        <p class="utrecht-paragraph">
          {props.subject.informedOn
            ? t('subjects.informedOn', { date: formatDay(props.subject.informedOn, 'long') })
            : props.subject.informPostponedReason
              ? t('subjects.informPostponed', { reason: props.subject.informPostponedReason })
              : t('subjects.notInformed')}
          <Show when={props.mayRecord && !open()}>
            {' '}
            <Button variant="subtle" onClick={() => setOpen(true)}>
              {t('subjects.informEdit')}
            </Button>
          </Show>
        </p>
        <Show when={open()}>
          <form
            class="card stack"
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
          >
            <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <p class="utrecht-paragraph">{t('subjects.informHint')}</p>
            <div class="row">
              <TextField
                label={t('subjects.informDate')}
                type="date"
                optional
                value={on()}
                onInput={(e) => setOn(e.currentTarget.value)}
                error={save.field('informedOn')}
              />
              <TextField
                label={t('subjects.informReason')}
                optional
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
                error={save.field('postponedReason')}
              />
            </div>
            <div class="inline-form">
              <Button type="submit" variant="primary" busy={save.busy()}>
                {t('app.save')}
              </Button>
              <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
            </div>
          </form>
        </Show>
      </div>
    </Show>
  );
}
