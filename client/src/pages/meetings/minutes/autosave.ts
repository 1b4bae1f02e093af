// The verslag's use of the one autosave engine (lib/autosave.ts): edits of intro, closing and
// each agenda item's text are merged field by field and sent with the version the last save
// returned. A newer version on the server, or a verslag no longer a concept, stops saving.
import { createEffect, createSignal, on } from 'solid-js';
import { api, errorKey } from '../../../lib/trpc';
import { createAutosave } from '../../../lib/autosave';

export type Edit = { intro?: string; closing?: string; items: Record<string, { notes?: string; decisions?: string }> };

function merge(into: Edit, part: Edit, keepExisting: boolean): Edit {
  const next: Edit = { ...into, items: { ...into.items } };
  if (part.intro !== undefined && !(keepExisting && into.intro !== undefined)) next.intro = part.intro;
  if (part.closing !== undefined && !(keepExisting && into.closing !== undefined)) next.closing = part.closing;
  for (const [key, text] of Object.entries(part.items)) {
    const current = next.items[key] ?? {};
    next.items[key] = keepExisting ? { ...text, ...current } : { ...current, ...text };
  }
  return next;
}

export function createMinutesAutosave(meetingId: () => number, serverVersion: () => number) {
  const [version, setVersion] = createSignal(serverVersion());
  const saver = createAutosave<Edit>({
    delay: 900,
    empty: () => ({ items: {} }),
    merge,
    send: async (content) => {
      const result = await api.minutes.update.mutate({ meetingId: meetingId(), version: version(), content });
      setVersion(result.version);
    },
    refused: (error) => (errorKey(error) === 'conflict.version' || errorKey(error) === 'minutes.notEditable' ? 'stop' : 'failed'),
  });
  // A reload brings the server's version; adopt it while nothing typed is underway.
  createEffect(
    on(serverVersion, (v) => {
      if (!saver.dirty()) setVersion(v);
    }),
  );
  const queue = (part: Partial<Edit>) => saver.queue({ items: {}, ...part });
  return { ...saver, queue, version };
}

export type MinutesAutosave = ReturnType<typeof createMinutesAutosave>;
