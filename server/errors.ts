import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { MessageKey, MessageParams } from './i18n/messages';

/**
 * A domain error: a tRPC code plus a message key that the error formatter translates into the
 * caller's language. Domain functions throw these; they never carry internals or personal data.
 */
export class AppError extends TRPCError {
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Messages per input path (`postcode`, `items.2.value`), so a form shows each at its field. */
  readonly fields: FieldProblems;
  /**
   * `fields` names the problems per input path; a plain path string puts this error's own message
   * at that one field.
   */
  constructor(code: TRPC_ERROR_CODE_KEY, key: MessageKey, params: MessageParams = {}, fields: FieldProblems | string = {}) {
    super({ code, message: key });
    this.key = key;
    this.params = params;
    this.fields = typeof fields === 'string' ? { [fields]: { key, params } } : fields;
  }
}

export type FieldProblem = { key: MessageKey; params?: MessageParams };
export type FieldProblems = Record<string, FieldProblem>;

/** Bad input found by a domain rule: every problem at its input path, all at once. */
export function invalidFields(fields: FieldProblems): AppError {
  const first = Object.values(fields)[0];
  return new AppError('BAD_REQUEST', first?.key ?? 'validation.invalid', first?.params ?? {}, fields);
}

/** One domain rule about one input field. */
export const fieldError = (path: string, key: MessageKey, params?: MessageParams) => invalidFields({ [path]: { key, params } });

export const notFound = () => new AppError('NOT_FOUND', 'notFound');
export const forbidden = () => new AppError('FORBIDDEN', 'auth.forbidden');
export const conflict = () => new AppError('CONFLICT', 'conflict.version');
