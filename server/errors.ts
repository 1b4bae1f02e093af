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
  /** The input field the message belongs to, shown there by the client (`fieldErrors`). */
  readonly field: string | null;
  constructor(code: TRPC_ERROR_CODE_KEY, key: MessageKey, params: MessageParams = {}, field: string | null = null) {
    super({ code, message: key });
    this.key = key;
    this.params = params;
    this.field = field;
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'notFound');
export const forbidden = () => new AppError('FORBIDDEN', 'auth.forbidden');
export const conflict = () => new AppError('CONFLICT', 'conflict.version');
export const badRequest = (key: MessageKey, params?: MessageParams) => new AppError('BAD_REQUEST', key, params);
