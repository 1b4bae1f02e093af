// The live subscription (tRPC over SSE): every event is a complete snapshot of what this user may
// see, so reconnecting simply resumes with the latest state.
import { createEffect, createSignal, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { api, errorMessage } from '../../lib/trpc';
import { t } from '../../i18n';
import type { LiveSnapshot } from '../../../../server/domain/live';

export type { LiveSnapshot };
export type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export function createLive(meetingId: () => number) {
  // Reconciled by id, so rows that did not change keep their DOM (and keyboard focus).
  const [store, setStore] = createStore<{ value: LiveSnapshot | null }>({ value: null });
  const snapshot = () => store.value;
  const [state, setState] = createSignal<LiveState>('connecting');
  const [error, setError] = createSignal<string | null>(null);
  // The error itself, so a page can tell "not found" from "no access" (components/ResourceError).
  const [failure, setFailure] = createSignal<unknown>(null);
  createEffect(() => {
    const id = meetingId();
    setState('connecting');
    const sub = api.meetings.live.subscribe(
      { meetingId: id },
      {
        onData: (envelope) => {
          setStore('value', reconcile(envelope.data, { key: 'id' }));
          setState('connected');
          setError(null);
          setFailure(null);
        },
        onError: (err) => {
          setError(errorMessage(err, t('app.networkError')));
          setFailure(err);
          setState('failed');
        },
        onConnectionStateChange: (s) => {
          if (s.state === 'connecting' && snapshot()) setState('reconnecting');
        },
      },
    );
    onCleanup(() => sub.unsubscribe());
  });
  /** The subscription failed before anything could be shown: the page shows why instead. */
  const unavailable = () => (snapshot() ? null : failure());
  return { snapshot, state, error, unavailable };
}
