// "Are you sure?" for risky actions, on the native <dialog>: modal, Escape cancels, focus starts on
// the safe choice and returns to the button that asked. No library.
import { createUniqueId, onMount } from 'solid-js';
import { render } from 'solid-js/web';
import { t } from '../i18n';
import { errorKey } from '../lib/trpc';

export type ConfirmOptions = { title: string; body: string; confirm: string; danger?: boolean };

function ConfirmDialog(props: ConfirmOptions & { onClose: (ok: boolean) => void }) {
  const id = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  let cancel: HTMLButtonElement | undefined;
  onMount(() => {
    dialog?.showModal();
    cancel?.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => props.onClose(dialog?.returnValue === 'ok')}
    >
      <form method="dialog" class="stack">
        <h2 class="utrecht-heading-2" id={`${id}-title`}>
          {props.title}
        </h2>
        <p class="utrecht-paragraph" id={`${id}-body`}>
          {props.body}
        </p>
        <div class="inline-form">
          <button
            type="submit"
            value="ok"
            class={`utrecht-button utrecht-button--primary-action ${props.danger ? 'utrecht-button--danger' : ''}`}
          >
            {props.confirm}
          </button>
          <button type="submit" value="cancel" ref={cancel} class="utrecht-button utrecht-button--secondary-action">
            {t('confirm.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Asks, and resolves true only when the person chose `confirm`. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const host = document.createElement('div');
  document.body.append(host);
  return new Promise((resolve) => {
    const dispose = render(
      () => (
        <ConfirmDialog
          {...options}
          onClose={(ok) => {
            queueMicrotask(() => {
              dispose();
              host.remove();
              opener?.focus();
            });
            resolve(ok);
          }}
        />
      ),
      host,
    );
  });
}

/**
 * Runs `attempt(false)`; when the server refuses only because a date lies in the past (or the
 * overleg is not due yet), asks, and on yes runs `attempt(true)` with the explicit flag. On no,
 * the refusal stands (and its message shows at its field).
 */
export async function withConfirmation<R>(
  attempt: (confirmed: boolean) => Promise<R>,
  ask: (error: unknown) => ConfirmOptions | null,
): Promise<R> {
  try {
    return await attempt(false);
  } catch (error) {
    const question = ask(error);
    if (!question) throw error;
    if (!(await confirmDialog(question))) throw error;
    return attempt(true);
  }
}

/** The question for a date the server found in the past (server/domain/dates.ts). */
export function pastDateQuestion(error: unknown): ConfirmOptions | null {
  const key = errorKey(error);
  return key === 'validation.pastDate' || key === 'validation.pastDateTime'
    ? { title: t('confirm.pastDateOk'), body: t('confirm.pastDate'), confirm: t('confirm.pastDateOk') }
    : null;
}
