// A user action that talks to the server: busy state, the translated error, and field errors.
// Bad input changes nothing on the server, so the form simply stays as it was.
import { createSignal } from 'solid-js';
import { errorMessage, fieldErrors } from './trpc';
import { t } from '../i18n';

export function createAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  async function run(...args: A): Promise<R | undefined> {
    if (busy()) return undefined;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      return await fn(...args);
    } catch (e) {
      setError(errorMessage(e, t('app.networkError')));
      setFields(fieldErrors(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const field = (name: string) => fields()[name];
  /** The person changed this field: its message (now possibly wrong) goes. */
  const clearField = (name: string) => {
    if (!(name in fields())) return;
    const { [name]: _gone, ...rest } = fields();
    setFields(rest);
    if (Object.keys(rest).length === 0) setError(null);
  };
  return {
    run,
    busy,
    error,
    field,
    fields,
    clearField,
    reset: () => {
      setError(null);
      setFields({});
    },
  };
}

export type Action = Pick<ReturnType<typeof createAction>, 'busy' | 'error' | 'field' | 'fields' | 'clearField'>;

/**
 * An event handler that starts async work (Solid's handlers return nothing). The work's failures
 * must show through the createAction it runs, never vanish.
 */
export function act<E>(fn: (event: E) => Promise<unknown>): (event: E) => void {
  return (event) => {
    void fn(event);
  };
}
