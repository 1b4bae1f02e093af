// How a field finds its own message in the form around it, and tells the form where it is (so
// the error summary can link to it). Fields without a form around them simply get no context.
import { createContext, useContext } from 'solid-js';

export type FormFields = {
  /** The message for an input path (`street`, `items.2.value`), if any. */
  error: (name: string) => string | undefined;
  /** A field with this input path lives at element `id` under `label`; returns the unregister. */
  register: (name: string, id: string, label: () => string) => () => void;
};

export const FormFieldsContext = createContext<FormFields>();
export const useFormFields = () => useContext(FormFieldsContext);
