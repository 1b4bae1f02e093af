// Ticking a task off with its result (actiegegevens), reopening it, or reporting a blocker.
// Used on "Mijn taken" and on the casus page; the server decides who may do it.
import { createSignal, Show } from 'solid-js';
import { api } from '../lib/trpc';
import { createAction } from '../lib/action';
import { t } from '../i18n';
import { Alert, Button, TextAreaField } from './Form';

type Task = { id: number; title: string; status: string; version: number; blockerNote: string | null; blockedAt?: string | null };

export function TaskActions(props: { task: Task; onChange: (message?: string) => void }) {
  const [mode, setMode] = createSignal<'idle' | 'complete' | 'blocker' | 'resolve'>('idle');
  const [note, setNote] = createSignal('');
  const complete = createAction(async () => {
    await api.tasks.complete.mutate({ id: props.task.id, resultNote: note(), version: props.task.version });
    setMode('idle');
    setNote('');
    props.onChange(t('tasks.completed'));
  });
  const blocker = createAction(async () => {
    await api.tasks.reportBlocker.mutate({ id: props.task.id, note: note(), version: props.task.version });
    setMode('idle');
    setNote('');
    props.onChange(t('tasks.blockerSaved'));
  });
  const resolve = createAction(async () => {
    await api.tasks.resolveBlocker.mutate({ id: props.task.id, version: props.task.version, note: note().trim() || null });
    setMode('idle');
    setNote('');
    props.onChange(t('blocker.resolved'));
  });
  const reopen = createAction(async () => {
    await api.tasks.reopen.mutate({ id: props.task.id, version: props.task.version });
    props.onChange();
  });
  return (
    <div class="stack">
      <Show when={reopen.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.task.status === 'open' && mode() === 'idle'}>
        <div class="inline-form">
          <Button
            variant="primary"
            onClick={() => {
              setMode('complete');
            }}
            aria-label={t('tasks.completeTitle', { title: props.task.title })}
          >
            {t('tasks.complete')}
          </Button>
          <Show
            when={props.task.blockedAt}
            fallback={
              <Button
                variant="subtle"
                onClick={() => {
                  setNote('');
                  setMode('blocker');
                }}
              >
                {t('tasks.blocker')}
              </Button>
            }
          >
            <Button
              variant="subtle"
              onClick={() => {
                setNote('');
                setMode('resolve');
              }}
            >
              {t('blocker.resolve')}
            </Button>
          </Show>
        </div>
      </Show>
      <Show when={props.task.status === 'gereed'}>
        <Button variant="subtle" busy={reopen.busy()} onClick={() => void reopen.run()}>
          {t('tasks.reopen')}
        </Button>
      </Show>
      <Show when={mode() === 'complete'}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void complete.run();
          }}
        >
          <Show when={complete.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField
            label={t('tasks.resultNote')}
            description={t('tasks.resultHint')}
            rows={3}
            maxLength={2000}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
            error={complete.field('resultNote')}
            ref={(el) => queueMicrotask(() => el.focus())}
          />
          <div class="inline-form">
            <Button type="submit" variant="primary" busy={complete.busy()}>
              {t('tasks.markDone')}
            </Button>
            <Button onClick={() => setMode('idle')}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'blocker'}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void blocker.run();
          }}
        >
          <Show when={blocker.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField
            label={t('tasks.blockerNote')}
            description={t('tasks.resultHint')}
            rows={2}
            maxLength={1000}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
            error={blocker.field('note')}
            ref={(el) => queueMicrotask(() => el.focus())}
          />
          <div class="inline-form">
            <Button type="submit" variant="primary" busy={blocker.busy()}>
              {t('tasks.blocker')}
            </Button>
            <Button onClick={() => setMode('idle')}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'resolve'}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void resolve.run();
          }}
        >
          <Show when={resolve.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField
            label={t('blocker.resolveNote')}
            description={t('tasks.resultHint')}
            optional
            rows={2}
            maxLength={1000}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
            error={resolve.field('note')}
            ref={(el) => queueMicrotask(() => el.focus())}
          />
          <div class="inline-form">
            <Button type="submit" variant="primary" busy={resolve.busy()}>
              {t('blocker.resolve')}
            </Button>
            <Button onClick={() => setMode('idle')}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
    </div>
  );
}
