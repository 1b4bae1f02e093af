// The coordinator corrects a task (issue 9.3): title, partner, due date, with an optional reason;
// or lets it lapse (vervallen) with a reason. Inline, keyboard-friendly: the first field gets focus
// on opening, Escape closes, and focus returns to the button that opened it.
import { createSignal, Show } from 'solid-js';
import { api } from '../lib/trpc';
import { createAction } from '../lib/action';
import { t } from '../i18n';
import { Alert, Button, SelectField, TextField } from './Form';

type EditableTask = { id: number; title: string; assigneePartnerId: number; dueDate: string; version: number; status: string };
type PartnerOption = { id: number; name: string; active: boolean };

export function TaskEditor(props: { task: EditableTask; partners: PartnerOption[]; onChange: (message?: string) => void }) {
  const [mode, setMode] = createSignal<'idle' | 'edit' | 'lapse'>('idle');
  const [title, setTitle] = createSignal('');
  const [partner, setPartner] = createSignal('');
  const [due, setDue] = createSignal('');
  const [reason, setReason] = createSignal('');
  let opener: HTMLButtonElement | undefined;
  const open = (next: 'edit' | 'lapse') => {
    setTitle(props.task.title);
    setPartner(String(props.task.assigneePartnerId));
    setDue(props.task.dueDate);
    setReason('');
    save.reset();
    lapse.reset();
    setMode(next);
  };
  const close = () => {
    setMode('idle');
    queueMicrotask(() => opener?.focus());
  };
  const save = createAction(async () => {
    await api.tasks.update.mutate({
      id: props.task.id,
      version: props.task.version,
      title: title(),
      assigneePartnerId: Number(partner()),
      dueDate: due(),
      reason: reason().trim() || null,
    });
    setMode('idle');
    props.onChange(t('taskEdit.saved'));
  });
  const lapse = createAction(async () => {
    await api.tasks.lapse.mutate({ id: props.task.id, version: props.task.version, reason: reason() });
    setMode('idle');
    props.onChange(t('taskEdit.lapsed'));
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  return (
    <Show when={props.task.status === 'open'}>
      <Show
        when={mode() !== 'idle'}
        fallback={
          <div class="inline-form">
            <Button
              variant="subtle"
              ref={(el: HTMLButtonElement) => (opener = el)}
              onClick={() => open('edit')}
              aria-label={t('taskEdit.editTitle', { title: props.task.title })}
            >
              {t('taskEdit.edit')}
            </Button>
            <Button variant="subtle" onClick={() => open('lapse')} aria-label={t('taskEdit.lapseTitle', { title: props.task.title })}>
              {t('taskEdit.lapse')}
            </Button>
          </div>
        }
      >
        <Show when={mode() === 'edit'}>
          <form
            class="card stack"
            onKeyDown={onKey}
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
            aria-label={t('taskEdit.editTitle', { title: props.task.title })}
          >
            <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <TextField
              label={t('tasks.task')}
              value={title()}
              maxLength={300}
              onInput={(e) => setTitle(e.currentTarget.value)}
              error={save.field('title')}
              ref={(el: HTMLInputElement) => queueMicrotask(() => el.focus())}
            />
            <div class="row">
              <SelectField
                label={t('tasks.partner')}
                value={partner()}
                onChange={(e) => setPartner(e.currentTarget.value)}
                error={save.field('assigneePartnerId')}
                options={props.partners
                  .filter((p) => p.active || p.id === props.task.assigneePartnerId)
                  .map((p) => ({ value: p.id, label: p.name }))}
              />
              <TextField
                label={t('tasks.due')}
                type="date"
                value={due()}
                onInput={(e) => setDue(e.currentTarget.value)}
                error={save.field('dueDate')}
              />
            </div>
            <TextField
              label={t('taskEdit.reason')}
              optional
              description={t('taskEdit.reasonHint')}
              maxLength={500}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              error={save.field('reason')}
            />
            <div class="inline-form">
              <Button type="submit" variant="primary" busy={save.busy()}>
                {t('app.save')}
              </Button>
              <Button onClick={close}>{t('app.cancel')}</Button>
            </div>
          </form>
        </Show>
        <Show when={mode() === 'lapse'}>
          <form
            class="card stack"
            onKeyDown={onKey}
            onSubmit={(e) => {
              e.preventDefault();
              void lapse.run();
            }}
            aria-label={t('taskEdit.lapseTitle', { title: props.task.title })}
          >
            <Show when={lapse.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <TextField
              label={t('taskEdit.lapseReason')}
              description={t('taskEdit.reasonHint')}
              maxLength={500}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              error={lapse.field('reason')}
              ref={(el: HTMLInputElement) => queueMicrotask(() => el.focus())}
            />
            <div class="inline-form">
              <Button type="submit" variant="danger" busy={lapse.busy()}>
                {t('taskEdit.lapseConfirm')}
              </Button>
              <Button onClick={close}>{t('app.cancel')}</Button>
            </div>
          </form>
        </Show>
      </Show>
    </Show>
  );
}
