// Form building blocks on NL Design System (Utrecht) CSS: every control has a visible label, an
// optional description and an error message linked with aria-describedby.
import { createUniqueId, For, onCleanup, Show, splitProps, untrack, type JSX } from 'solid-js';
import { t } from '../i18n';
import { useFormFields } from './form-context';

type FieldProps = {
  label: string;
  /** The input path; inside an ActionForm the field shows that path's message and is linked from the summary. */
  name?: string;
  description?: string;
  error?: string;
  warning?: string;
  optional?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element;
};

export function Field(props: FieldProps) {
  const id = createUniqueId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const form = useFormFields();
  // A field registers once under its name (names are fixed for a field's lifetime); the label
  // stays live for the error summary.
  const label = () => props.label;
  untrack(() => {
    if (form && props.name) onCleanup(form.register(props.name, id, label));
  });
  const error = () => props.error ?? (form && props.name ? form.error(props.name) : undefined);
  const describedBy = () => [props.description ? descId : '', error() || props.warning ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="utrecht-form-field utrecht-form-field--text" classList={{ 'utrecht-form-field--invalid': Boolean(error()) }}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}{' '}
          <Show when={props.optional}>
            <span class="muted">{t('app.optional')}</span>
          </Show>
        </label>
      </div>
      <Show when={props.description}>
        <div class="utrecht-form-field__description utrecht-form-field-description" id={descId}>
          {props.description}
        </div>
      </Show>
      <Show when={error()}>
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={errId}>
          {error()}
        </div>
      </Show>
      <Show when={!error() && props.warning}>
        <div class="utrecht-form-field-description utrecht-form-field-description--warning" id={errId}>
          {props.warning}
        </div>
      </Show>
      <div class="utrecht-form-field__input">{props.children({ id, describedBy: describedBy(), invalid: Boolean(error()) })}</div>
    </div>
  );
}

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  description?: string;
  error?: string;
  warning?: string;
  optional?: boolean;
};

export function TextField(props: InputProps) {
  const [own, rest] = splitProps(props, ['label', 'description', 'error', 'warning', 'optional', 'class']);
  return (
    <Field label={own.label} name={rest.name} description={own.description} error={own.error} warning={own.warning} optional={own.optional}>
      {(ids) => (
        <input
          {...rest}
          id={ids.id}
          class={`utrecht-textbox utrecht-textbox--html-input ${own.class ?? ''}`}
          classList={{ 'utrecht-textbox--invalid': ids.invalid }}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          required={!own.optional && rest.required !== false ? rest.required : undefined}
        />
      )}
    </Field>
  );
}

type TextAreaProps = JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  description?: string;
  error?: string;
  optional?: boolean;
};

export function TextAreaField(props: TextAreaProps) {
  const [own, rest] = splitProps(props, ['label', 'description', 'error', 'optional', 'required']);
  return (
    <Field label={own.label} name={rest.name} description={own.description} error={own.error} optional={own.optional}>
      {(ids) => (
        // aria-required, not required: the NL Design System styles a textarea's :invalid, which
        // would paint an untouched required field as an error before anything is typed.
        <textarea
          {...rest}
          id={ids.id}
          class="utrecht-textarea utrecht-textarea--html-textarea"
          classList={{ 'utrecht-textarea--invalid': ids.invalid }}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          aria-required={own.required ? true : undefined}
        />
      )}
    </Field>
  );
}

type SelectProps = JSX.SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  description?: string;
  error?: string;
  optional?: boolean;
  options: { value: string | number; label: string }[];
  placeholder?: string;
};

export function SelectField(props: SelectProps) {
  const [own, rest] = splitProps(props, ['label', 'description', 'error', 'optional', 'options', 'placeholder', 'value']);
  return (
    <Field label={own.label} name={rest.name} description={own.description} error={own.error} optional={own.optional}>
      {(ids) => (
        <select
          {...rest}
          id={ids.id}
          class="utrecht-select utrecht-select--html-select"
          classList={{ 'utrecht-select--invalid': ids.invalid }}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
        >
          <Show when={own.placeholder !== undefined}>
            <option value="" selected={own.value === '' || own.value === undefined}>
              {own.placeholder}
            </option>
          </Show>
          <For each={own.options}>
            {(o) => (
              <option value={o.value} selected={String(o.value) === String(own.value ?? '')}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
}

export function Alert(props: { kind: 'error' | 'ok' | 'info' | 'warning'; children: JSX.Element; title?: string }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <Show when={props.title}>
            <strong>{props.title} </strong>
          </Show>
          {props.children}
        </div>
      </div>
    </div>
  );
}

const buttonVariants = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
  danger: 'utrecht-button--primary-action utrecht-button--danger',
};

export function Button(
  props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'subtle' | 'danger'; busy?: boolean },
) {
  const [own, rest] = splitProps(props, ['variant', 'busy', 'class', 'type']);
  return (
    <button
      {...rest}
      type={own.type ?? 'button'}
      class={`utrecht-button ${buttonVariants[own.variant ?? 'secondary']} ${own.class ?? ''}`}
      classList={{ 'utrecht-button--busy': Boolean(own.busy) }}
      // Busy: it says so and cannot be pressed again (a second "Verslag versturen" sent duplicates).
      disabled={rest.disabled || own.busy || undefined}
      aria-busy={own.busy || undefined}
    />
  );
}

export const Status = (props: { children: JSX.Element; tone?: 'danger' | 'warning' | 'ok' | 'neutral' }) => (
  <span class={`utrecht-badge-status status status--${props.tone ?? 'neutral'}`}>{props.children}</span>
);

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; description?: string }) {
  const id = createUniqueId();
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox checkbox-field">
      <input
        id={id}
        type="checkbox"
        class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        aria-describedby={props.description ? `${id}-desc` : undefined}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {props.label}
      </label>
      <Show when={props.description}>
        <div class="utrecht-form-field-description" id={`${id}-desc`}>
          {props.description}
        </div>
      </Show>
    </div>
  );
}
