// A form bound to one server action: every field message at its field (by input path), all at
// once; a summary at the top that links to each field; a message goes as soon as its field is
// changed. Fields opt in with `name` (components/Form.tsx).
import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import type { Action } from '../lib/action';
import { t } from '../i18n';
import { Alert } from './Form';
import { FormFieldsContext, type FormFields } from './form-context';

type Place = { id: string; label: () => string };

export function ActionForm(props: {
  action: Action;
  onSubmit: () => void;
  class?: string;
  children: JSX.Element;
  'aria-labelledby'?: string;
}) {
  const [places, setPlaces] = createSignal<Record<string, Place>>({});
  const context: FormFields = {
    error: (name) => props.action.field(name),
    register(name, id, label) {
      setPlaces((all) => ({ ...all, [name]: { id, label } }));
      return () =>
        setPlaces((all) => {
          if (all[name]?.id !== id) return all;
          const { [name]: _gone, ...rest } = all;
          return rest;
        });
    },
  };
  // A changed field drops its own message (input for text, change for selects and checkboxes).
  const changed = (e: Event) => {
    const name = (e.target as HTMLInputElement | null)?.name;
    if (name) props.action.clearField(name);
  };
  return (
    <FormFieldsContext.Provider value={context}>
      <form
        class={props.class ?? 'stack'}
        noValidate
        aria-labelledby={props['aria-labelledby']}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onInput={changed}
        onChange={changed}
      >
        <ErrorSummary action={props.action} places={places()} />
        {props.children}
      </form>
    </FormFieldsContext.Provider>
  );
}

/** The messages in the order of the fields on screen, each a link that moves focus to its field. */
function ErrorSummary(props: { action: Action; places: Record<string, Place> }) {
  let box: HTMLDivElement | undefined;
  const entries = () => {
    const list = Object.entries(props.action.fields()).map(([name, message]) => ({ name, message, place: props.places[name] }));
    const position = (id: string | undefined) => (id ? document.getElementById(id) : null);
    return list.sort((a, b) => {
      const x = position(a.place?.id);
      const y = position(b.place?.id);
      if (!x || !y) return x ? -1 : y ? 1 : 0;
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  };
  // After a failed submit, focus goes to the summary so it is read out and the links are next.
  createEffect(
    on(
      () => props.action.error(),
      (error) => {
        if (error) queueMicrotask(() => box?.focus());
      },
      { defer: true },
    ),
  );
  const go = (e: MouseEvent, id: string) => {
    e.preventDefault();
    const field = document.getElementById(id);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  };
  return (
    <div ref={box} tabindex="-1" class="error-summary">
      <Show when={props.action.error()}>
        {(message) => (
          <Alert kind="error">
            <Show when={entries().length > 0} fallback={message()}>
              <p class="utrecht-paragraph">{t('form.summary')}</p>
              <ul class="utrecht-unordered-list">
                <For each={entries()}>
                  {(entry) => (
                    <li>
                      <Show when={entry.place} fallback={entry.message}>
                        {(place) => (
                          <a class="utrecht-link" href={`#${place().id}`} onClick={(e) => go(e, place().id)}>
                            {place().label()}: {entry.message}
                          </a>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Alert>
        )}
      </Show>
    </div>
  );
}
