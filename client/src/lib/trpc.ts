// The typed tRPC client. Plain JSON on the wire (no transformer), like every other integration.
// Queries and mutations are batched over HTTP, at most 10 per request as the server allows;
// auth.* travels alone (the server refuses it in a batch, issue 8); subscriptions use SSE.
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../../server/routers';
import { locale } from '../i18n';

export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: splitLink({
        condition: (op) => op.path.startsWith('auth.'),
        true: httpLink({ url: '/trpc', headers: () => ({ 'x-overleg-locale': locale() }) }),
        false: httpBatchLink({ url: '/trpc', maxItems: 10, headers: () => ({ 'x-overleg-locale': locale() }) }),
      }),
    }),
  ],
});

export type ApiError = TRPCClientError<AppRouter>;

/** The translated message the server sent, or a generic one for network failures. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof TRPCClientError) {
    if ((error.data as { key?: string } | undefined)?.key || error.shape) return error.message;
  }
  return fallback;
}

export function errorKey(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { key?: string } | undefined)?.key ?? null) : null;
}

/** Field-level messages of a validation error, keyed by input path (e.g. `postcode`, `items.0.value`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string> | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}
