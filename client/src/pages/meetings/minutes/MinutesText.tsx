// The verslag's text per agenda item: read as prose, or edited in place by the coordinator.
import { A } from '@solidjs/router';
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { t, type TextKey } from '../../../i18n';
import type { api } from '../../../lib/trpc';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;

/** Under an agenda item's title: its section (unless the title says it already), pand and presenter. */
export function ItemSubline(props: { item: View['items'][number] }) {
  const parts = () => {
    const section = t(`minutes.section.${props.item.section}` as TextKey);
    const list: JSX.Element[] = [];
    if (section.toLowerCase() !== props.item.title.trim().toLowerCase()) list.push(section);
    if (props.item.caseCode)
      list.push(
        <>
          <A class="utrecht-link" href={`/casussen/${props.item.caseId}`}>
            {props.item.caseCode}
          </A>{' '}
          — {props.item.caseAddress}
        </>,
      );
    if (props.item.presenter) list.push(t('minutes.presenter', { partner: props.item.presenter }));
    return list;
  };
  return (
    <Show when={parts().length > 0}>
      <p class="utrecht-paragraph muted">
        <For each={parts()}>
          {(part, i) => (
            <>
              {i() > 0 ? ' · ' : ''}
              {part}
            </>
          )}
        </For>
      </p>
    </Show>
  );
}

/** Free text keeps its line breaks; it is text, never markup. */
const Prose = (props: { text: string }) => (
  <p class="utrecht-paragraph" style={{ 'white-space': 'pre-wrap' }}>
    {props.text}
  </p>
);

export function ItemText(props: { notes: string; decisions: string }) {
  return (
    <Show when={props.notes.trim() || props.decisions.trim()} fallback={<p class="utrecht-paragraph muted">{t('minutes.noText')}</p>}>
      <Show when={props.notes.trim()}>
        <h4 class="utrecht-heading-4">{t('minutes.notes')}</h4>
        <Prose text={props.notes} />
      </Show>
      <Show when={props.decisions.trim()}>
        <h4 class="utrecht-heading-4">{t('minutes.decisions')}</h4>
        <Prose text={props.decisions} />
      </Show>
    </Show>
  );
}

export function TextBlock(props: { title: string; value: string; editable: boolean; onInput: (text: string) => void }) {
  return (
    <Show when={props.editable || props.value.trim()}>
      <section>
        <h2 class="utrecht-heading-2">{props.title}</h2>
        <Show when={props.editable} fallback={<Prose text={props.value} />}>
          <EditArea label={props.title} hideLabel value={props.value} onInput={props.onInput} />
        </Show>
      </section>
    </Show>
  );
}

/** An uncontrolled textarea: what the coordinator types stays put while saves go on in the background. */
export function EditArea(props: { label: string; value: string; hideLabel?: boolean; onInput: (text: string) => void }) {
  const id = `minutes-${createUniqueId()}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label" classList={{ 'visually-hidden': Boolean(props.hideLabel) }}>
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <textarea
          id={id}
          class="utrecht-textarea utrecht-textarea--html-textarea"
          style={{ width: '100%', 'max-width': '60rem' }}
          rows={4}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </div>
    </div>
  );
}
