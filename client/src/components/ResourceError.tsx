// What a page that loads something by id shows when it cannot: not found (also another team's),
// no access (the role may not), not yet available (a verslag that is not final), signed out, or a
// failure. One Dutch page with a heading, an explanation and a way back — never "loading" forever.
import { A, useLocation } from '@solidjs/router';
import { onMount, Show, type Accessor, type JSX, type Resource } from 'solid-js';
import { TRPCClientError } from '@trpc/client';
import { errorKey, errorMessage } from '../lib/trpc';
import { t } from '../i18n';
import { Alert, Button } from './Form';

export type Problem = 'notFound' | 'noAccess' | 'notYet' | 'signedOut' | 'failed';

/** The tRPC error code (or, where it says more, the message key) mapped to what the reader is told. */
export function problemOf(error: unknown): Problem {
  if (errorKey(error) === 'minutes.notAvailable') return 'notYet';
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  switch (code) {
    case 'NOT_FOUND':
    case 'BAD_REQUEST': // an id in the address that cannot exist, such as /casussen/abc
      return 'notFound';
    case 'FORBIDDEN':
      return 'noAccess';
    case 'UNAUTHORIZED':
      return 'signedOut';
    default:
      return 'failed';
  }
}

const texts = {
  notFound: ['resource.notFound.title', 'resource.notFound.text'],
  noAccess: ['resource.noAccess.title', 'resource.noAccess.text'],
  notYet: ['resource.notYet.title', 'resource.notYet.text'],
  signedOut: ['resource.signedOut.title', 'resource.signedOut.text'],
  failed: ['resource.failed.title', 'resource.failed.text'],
} as const;

export type WayBack = { href: string; label: string };

export function ResourceError(props: { error: unknown; back?: WayBack }) {
  const location = useLocation();
  const problem = () => problemOf(props.error);
  let heading: HTMLHeadingElement | undefined;
  // The page changed from "loading" to this: announce it like a new page (focus on its heading).
  onMount(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.id === 'main' || active.tagName === 'H1') heading?.focus({ preventScroll: true });
  });
  return (
    <section class="stack resource-error" data-problem={problem()}>
      <h1 class="utrecht-heading-1" tabindex="-1" ref={heading}>
        {t(texts[problem()][0])}
      </h1>
      <p class="utrecht-paragraph">{t(texts[problem()][1])}</p>
      <ul class="utrecht-unordered-list resource-error__ways">
        <Show when={problem() === 'signedOut'}>
          <li>
            <A class="utrecht-link" href={`/inloggen?terug=${encodeURIComponent(location.pathname)}`}>
              {t('resource.signIn')}
            </A>
          </li>
        </Show>
        <Show when={props.back}>
          {(back) => (
            <li>
              <A class="utrecht-link" href={back().href}>
                {back().label}
              </A>
            </li>
          )}
        </Show>
        <li>
          <A class="utrecht-link" href="/">
            {t('app.backHome')}
          </A>
        </li>
      </ul>
      <Show when={problem() === 'failed'}>
        <p class="utrecht-paragraph">
          <Button onClick={() => window.location.reload()}>{t('resource.retry')}</Button>
        </p>
      </Show>
    </section>
  );
}

/**
 * A page's main resource in its three states — loading, failed, there — without ever reading a
 * failed resource (which would throw and leave the page on "loading" for good).
 */
export function Loaded<T>(props: {
  resource: Resource<T>;
  back?: WayBack;
  loading?: string;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const value = () => (props.resource.error ? undefined : props.resource());
  return (
    <Show when={!props.resource.error} fallback={<ResourceError error={props.resource.error as unknown} back={props.back} />}>
      <Show
        when={value()}
        fallback={
          <p class="utrecht-paragraph" role="status">
            {props.loading ?? t('app.loading')}
          </p>
        }
      >
        {(v) => props.children(v)}
      </Show>
    </Show>
  );
}

/**
 * A list or panel inside a page that could not load: the same explanation as a whole page, as an
 * alert in place (the rest of the page still works). A refusal's own message says most.
 */
export function LoadError(props: { error: unknown }) {
  const problem = () => problemOf(props.error);
  const text = () => (problem() === 'failed' ? errorMessage(props.error, t(texts.failed[1])) : t(texts[problem()][1]));
  return (
    <Alert kind="error" title={t(texts[problem()][0])}>
      {text()}
    </Alert>
  );
}
