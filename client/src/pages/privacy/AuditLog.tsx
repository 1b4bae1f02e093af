// Logboek (P6, art. 20.2 and 23): the FG reviews who did what with the team's data, newest first,
// filtered by kind of action, user, casus, period and person (a betrokkene's opaque id: "who read
// this person's data"), exports it as CSV, and sees whether the hash chain is intact — checked
// incrementally from the last signed checkpoint, or fully on request.
// The server decides who may see it (privacy role only); others get a clear message, no data.
// The parts, one job each, live in ./audit/.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { api, errorKey, errorMessage } from '../../lib/trpc';
import { t } from '../../i18n';
import { Alert, Button } from '../../components/Form';
import { ChainCheck } from './audit/ChainCheck';
import { AuditExport } from './audit/AuditExport';
import { AuditFilters } from './audit/AuditFilters';
import { AuditTable } from './audit/AuditTable';
import { auditFilter, type AuditParams } from './audit/filter';
import type { AuditEntry } from './audit/facts';

export default function AuditLog() {
  const [params, setParams] = useSearchParams<AuditParams>();
  const [rows, setRows] = createSignal<AuditEntry[]>([]);
  const [cursor, setCursor] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [forbidden, setForbidden] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const filter = () => auditFilter(params);

  async function load(reset: boolean) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.audit.list.query({ ...filter(), cursor: reset ? null : cursor() });
      setRows(reset ? page.items : [...rows(), ...page.items]);
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (e) {
      if (errorKey(e) === 'auth.forbidden') setForbidden(true);
      else setError(errorMessage(e, t('app.networkError')));
    } finally {
      setLoading(false);
    }
  }
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => void load(true),
    ),
  );

  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('audit.title')}
      </h1>
      <Show when={!forbidden()} fallback={<Alert kind="error">{t('audit.forbidden')}</Alert>}>
        <p class="utrecht-paragraph">{t('audit.intro')}</p>
        <ChainCheck enabled={loaded()} />

        <Show when={filter().subjectId}>
          <div class="card stack" role="region" aria-label={t('audit.persons')}>
            <Alert kind="info">{t('audit.personFilter')}</Alert>
            <div>
              <Button variant="subtle" onClick={() => setParams({ betrokkene: undefined })}>
                {t('audit.personFilterClear')}
              </Button>
            </div>
          </div>
        </Show>

        <AuditExport filter={filter()} />
        <AuditFilters params={params} enabled={loaded()} onApply={setParams} />

        <Show when={error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <p class="utrecht-paragraph" role="status" aria-live="polite">
          {loading() ? t('app.loading') : t('audit.count', { n: rows().length })}
        </p>
        <AuditTable rows={rows()} loading={loading()} personFilter={Boolean(filter().subjectId)} />
        <Show when={cursor() !== null}>
          <Button onClick={() => void load(false)} busy={loading()}>
            {t('app.loadMore')}
          </Button>
        </Show>
      </Show>
    </section>
  );
}
