// Which betrokkenen a werkafspraak concerns (art. 20.1, issue 11 item 9): the verslag names per
// werkafspraak only these. The choice is among the casus' betrokkenen this user sees (opaque ids).
import { For, Show } from 'solid-js';
import { t, type TextKey } from '../i18n';
import { CheckboxField } from './Form';

export type PickableSubject = { id: string; kind: string; items: { category: string; value: string }[] };

/** A short label: the first item's value (name and address when there is one). */
function labelOf(s: PickableSubject, index: number): string {
  const item = s.items.find((i) => i.category === 'naw') ?? s.items[0];
  const kind = t(s.kind === 'company' ? 'subjectPicker.company' : 'subjectPicker.person');
  return item ? `${item.value} (${t(`item.category.${item.category}` as TextKey)})` : `${kind} ${index + 1}`;
}

export function SubjectPicker(props: { subjects: PickableSubject[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.selected, id] : props.selected.filter((x) => x !== id));
  return (
    <Show when={props.subjects.length > 0}>
      <fieldset class="utrecht-form-fieldset stack">
        <legend class="utrecht-form-fieldset__legend">{t('subjectPicker.legend')}</legend>
        <p class="utrecht-form-field-description">{t('subjectPicker.hint')}</p>
        <For each={props.subjects}>
          {(s, i) => <CheckboxField label={labelOf(s, i())} checked={props.selected.includes(s.id)} onChange={(on) => toggle(s.id, on)} />}
        </For>
      </fieldset>
    </Show>
  );
}
