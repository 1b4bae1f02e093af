// Whether the Logboek's hash chain is intact (P6): checked incrementally from the last signed
// checkpoint when the page opens, or fully on request (rate-limited on the server).
import { createResource, createSignal, Show } from 'solid-js';
import { LoadError } from '../../../components/ResourceError';
import { api, errorMessage } from '../../../lib/trpc';
import { formatDateTime, t } from '../../../i18n';
import { Alert, Button } from '../../../components/Form';

type Verification = Awaited<ReturnType<typeof api.audit.verify.query>>;

/** `enabled`: only once the server let the list through — the FG's own tools. */
export function ChainCheck(props: { enabled: boolean }) {
  const [full, setFull] = createSignal(false);
  // A refused re-check (e.g. "too often, try again in 8 seconds") is shown above the result it
  // could not replace; the earlier result stays, since it is still true for the rows it read.
  const [recheckError, setRecheckError] = createSignal<unknown>(null);
  const [verification, { refetch: recheck }] = createResource(
    () => props.enabled,
    async (_, info): Promise<Verification> => {
      setRecheckError(null);
      try {
        return await api.audit.verify.query({ full: full() });
      } catch (e) {
        if (!info.value) throw e;
        setRecheckError(e);
        return info.value;
      }
    },
  );
  function check(whole: boolean) {
    setFull(whole);
    void recheck();
  }
  return (
    <section class="card stack" aria-labelledby="chain-heading">
      <h2 class="utrecht-heading-2" id="chain-heading">
        {t('audit.chainTitle')}
      </h2>
      <div aria-live="polite">
        <Show when={recheckError()}>{(e) => <LoadError error={e()} />}</Show>
        <Show
          when={verification()}
          fallback={
            <Show when={verification.state === 'errored'} fallback={<p class="utrecht-paragraph">{t('audit.chainChecking')}</p>}>
              <Alert kind="error">{errorMessage(verification.error, t('app.networkError'))}</Alert>
            </Show>
          }
        >
          {(v) => (
            <>
              <Show
                when={v().ok}
                fallback={
                  <Alert kind="error">
                    {v().checkpointInvalid && v().brokenAt === null && !v().brokenElsewhere
                      ? t('audit.chainCheckpointInvalid')
                      : v().brokenAt !== null
                        ? t('audit.chainBroken', { id: v().brokenAt! })
                        : t('audit.chainBrokenElsewhere')}{' '}
                    {t('audit.chainIncident')}
                  </Alert>
                }
              >
                <Alert kind="ok">{t('audit.chainOk', { n: v().entries })}</Alert>
              </Show>
              <p class="utrecht-paragraph muted" data-testid="chain-scope">
                {v().mode === 'full'
                  ? t('audit.chainFull', { rows: v().rowsChecked })
                  : t('audit.chainIncremental', {
                      from: v().fromId + 1,
                      to: Math.max(v().toId, v().fromId + 1),
                      rows: v().rowsChecked,
                    })}{' '}
                {t('audit.chainCheckedAt', { at: formatDateTime(v().checkedAt) })}
              </p>
            </>
          )}
        </Show>
      </div>
      <div class="inline-form">
        <Button onClick={() => check(false)} busy={verification.loading && !full()}>
          {t('audit.chainRecheck')}
        </Button>
        <Button onClick={() => check(true)} busy={verification.loading && full()} aria-describedby="full-check-hint">
          {t('audit.chainFullCheck')}
        </Button>
      </div>
      <p class="utrecht-paragraph muted" id="full-check-hint">
        {t('audit.chainFullHint')}
      </p>
    </section>
  );
}
