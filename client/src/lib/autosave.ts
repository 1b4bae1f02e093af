// The one autosave engine of the client (issue 12): the chair's notes and the verslag text both
// save as you type through it. Edits are collected and sent a moment after typing stops, one save
// at a time. A network loss keeps the edits and retries with a growing pause; a refusal by the
// server is the caller's to judge (stop on a conflict, send again, or show the message).
import { TRPCClientError } from '@trpc/client';
import { createSignal, onCleanup } from 'solid-js';
import { errorMessage } from './trpc';
import { t } from '../i18n';

export type SaveState = 'saved' | 'pending' | 'saving' | 'retry' | 'conflict' | 'failed';

/**
 * What a refused save means. `stop`: a newer version exists; the edits are dropped and saving
 * stops until `reset()`. `resend`: the caller adopted the newer version; the edits go again.
 * `failed`: the server's message is shown and the edits wait for the next keystroke or flush.
 */
export type Refusal = 'stop' | 'resend' | 'failed';

export type AutosaveOptions<E> = {
  /** Pause after the last keystroke before a save, in ms. */
  delay: number;
  empty: () => E;
  /** `part` merged into `into`; with `keepExisting` what `into` already holds wins (newer edits). */
  merge: (into: E, part: E, keepExisting: boolean) => E;
  send: (edit: E) => Promise<void>;
  refused: (error: unknown) => Refusal | Promise<Refusal>;
  /** Everything typed is on the server; `edit` was the last save. */
  onSaved?: (edit: E) => void;
};

const firstRetry = 1000;
const maxRetry = 15_000;

/** A network loss (no answer from the server), as opposed to a refusal with an error code. */
const isNetworkLoss = (error: unknown) => !(error instanceof TRPCClientError) || !error.data;

export function createAutosave<E>(options: AutosaveOptions<E>) {
  const [state, setState] = createSignal<SaveState>('saved');
  const [error, setError] = createSignal<string | null>(null);
  let pending = options.empty();
  let hasPending = false;
  let stopped = false;
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = firstRetry;

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  function queue(part: E) {
    if (stopped) return;
    pending = options.merge(pending, part, false);
    hasPending = true;
    setState('pending');
    schedule(options.delay);
  }

  async function saveOnce(): Promise<boolean> {
    const content = pending;
    pending = options.empty();
    hasPending = false;
    setState('saving');
    try {
      await options.send(content);
      retryDelay = firstRetry;
      setError(null);
      if (hasPending) setState('pending');
      else {
        setState('saved');
        options.onSaved?.(content);
      }
      return true;
    } catch (e) {
      // Keep what was typed; newer edits made meanwhile win over the failed ones.
      pending = options.merge(pending, content, true);
      hasPending = true;
      if (isNetworkLoss(e)) {
        setState('retry');
        schedule(retryDelay);
        retryDelay = Math.min(retryDelay * 2, maxRetry);
        return false;
      }
      const verdict = await options.refused(e);
      if (verdict === 'stop') {
        stopped = true;
        pending = options.empty();
        hasPending = false;
        setState('conflict');
      } else if (verdict === 'resend') {
        setState('conflict');
        schedule(0);
      } else {
        setError(errorMessage(e, t('app.networkError')));
        setState('failed');
      }
      return false;
    }
  }

  /** Saves everything typed so far; resolves false if something could not be saved. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer);
    if (inFlight) await inFlight;
    if (!hasPending) return !stopped;
    inFlight = saveOnce();
    try {
      return await inFlight;
    } finally {
      inFlight = null;
    }
  }

  /** Forgets unsent edits (another item was loaded, or the newest version was). */
  function reset() {
    clearTimeout(timer);
    pending = options.empty();
    hasPending = false;
    stopped = false;
    retryDelay = firstRetry;
    setError(null);
    setState('saved');
  }

  /** Something typed is not yet on the server. */
  const dirty = () => hasPending || inFlight !== null;

  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => {
    window.removeEventListener('beforeunload', beforeUnload);
    clearTimeout(timer);
    if (hasPending) void flush();
  });

  return { queue, flush, reset, dirty, state, error };
}

export type Autosave<E> = ReturnType<typeof createAutosave<E>>;
