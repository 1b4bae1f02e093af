// The chair's notes and decisions for the current agenda item, on the one autosave engine
// (lib/autosave.ts). They survive a reload (kept on this device until the server has them) and a
// version conflict (another screen saved in between: take its version, keep what the chair typed).
import { createEffect, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api, errorKey } from '../../../lib/trpc';
import { createAutosave } from '../../../lib/autosave';
import type { LiveSnapshot } from '../live';

export type Item = LiveSnapshot['meeting']['agenda'][number];
type Text = { notes: string; decisions: string };
type NotesEdit = (Text & { itemId: number }) | null;

const backupKey = (id: number) => `overleg.notes.${id}`;

function readBackup(itemId: number): Text | null {
  const raw = localStorage.getItem(backupKey(itemId));
  return raw ? (JSON.parse(raw) as Text) : null;
}

export function createChairNotes(meetingId: () => number, current: () => Item | null) {
  const [editor, setEditor] = createStore({ itemId: 0, notes: '', decisions: '', version: 0 });
  const saver = createAutosave<NotesEdit>({
    delay: 700,
    empty: () => null,
    // The chair's text is sent whole: the newest text wins.
    merge: (into, part, keepExisting) => (keepExisting && into ? into : part),
    send: async (edit) => {
      if (!edit) return;
      const res = await api.agenda.saveNotes.mutate({
        id: edit.itemId,
        notes: edit.notes,
        decisions: edit.decisions,
        version: editor.version,
      });
      if (editor.itemId === edit.itemId) setEditor('version', res.version);
    },
    refused: async (error) => {
      if (errorKey(error) !== 'conflict.version') return 'failed';
      const fresh = await api.meetings.get.query({ id: meetingId() }).catch(() => null);
      const item = fresh?.agenda.find((i) => i.id === editor.itemId);
      if (item) setEditor('version', item.version);
      return 'resend';
    },
    onSaved: (edit) => {
      if (edit) localStorage.removeItem(backupKey(edit.itemId));
    },
  });

  function load(item: Item) {
    const backup = readBackup(item.id);
    saver.reset();
    setEditor({
      itemId: item.id,
      notes: backup?.notes ?? item.notes,
      decisions: backup?.decisions ?? item.decisions,
      version: item.version,
    });
    if (backup && (backup.notes !== item.notes || backup.decisions !== item.decisions)) {
      // What was typed before a reload or network loss goes to the server now.
      saver.queue({ itemId: item.id, notes: backup.notes, decisions: backup.decisions });
      void saver.flush();
    } else {
      localStorage.removeItem(backupKey(item.id));
    }
  }

  // Switch the editor when the current item changes; follow server text while nothing is pending.
  createEffect(
    on(
      () => current()?.id,
      (id) => {
        const item = current();
        if (id && item && editor.itemId !== id) load(item);
      },
    ),
  );
  createEffect(
    on(
      () => current()?.version,
      (version) => {
        const item = current();
        if (item && version && item.id === editor.itemId && saver.state() === 'saved' && version > editor.version) {
          setEditor({ notes: item.notes, decisions: item.decisions, version });
        }
      },
    ),
  );

  function edit(field: keyof Text, value: string) {
    setEditor(field, value);
    localStorage.setItem(backupKey(editor.itemId), JSON.stringify({ notes: editor.notes, decisions: editor.decisions }));
    saver.queue({ itemId: editor.itemId, notes: editor.notes, decisions: editor.decisions });
  }

  return { editor, edit, flush: saver.flush, state: saver.state, error: saver.error };
}

export type ChairNotes = ReturnType<typeof createChairNotes>;
