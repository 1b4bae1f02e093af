import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, on, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { address, caseStatusLabel } from '../../lib/labels';
import { formatDate, t } from '../../i18n';
import { Alert, Button, CheckboxField, SelectField, Status, TextField } from '../../components/Form';
import { DataTable } from '../../components/DataTable';
import { caseStatuses as statuses } from '../../../../db/schema/enums';

type Page = Awaited<ReturnType<typeof api.cases.list.query>>;
type Row = Page['items'][number];

// 'Alle' leaves withdrawn casussen out (a mistake); they are found by their own status.

export default function CaseList() {
  // Filters live in the URL, so a filtered list can be bookmarked and survives a reload.
  const [params, setParams] = useSearchParams<{ q?: string; status?: string; gemeente?: string; thema?: string; verlopen?: string }>();
  const [partners] = createResource(() => api.partners.list.query());
  const [themes] = createResource(() => api.cases.themes.query());
  const [rows, setRows] = createSignal<Row[]>([]);
  const [cursor, setCursor] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const [search, setSearch] = createSignal(params.q ?? '');

  const filter = () => ({
    search: params.q || null,
    status: (statuses as readonly string[]).includes(params.status ?? '') ? (params.status as Row['status']) : null,
    gemeentePartnerId: params.gemeente ? Number(params.gemeente) : null,
    themeId: params.thema ? Number(params.thema) : null,
    hasOverdueTasks: params.verlopen === '1' || null,
  });

  async function load(reset: boolean) {
    setLoading(true);
    setFailed(false);
    try {
      const page = await api.cases.list.query({ ...filter(), cursor: reset ? null : cursor() });
      setRows(reset ? page.items : [...rows(), ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      setFailed(true);
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
      <div class="page-header">
        <h1 class="utrecht-heading-1" tabindex="-1">
          {t('cases.title')}
        </h1>
        <Show when={hasRole('coordinator', 'member')}>
          <A href="/casussen/nieuw" class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
            {t('cases.newSignal')}
          </A>
        </Show>
      </div>
      <form
        class="row card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: search() || undefined });
        }}
      >
        <TextField label={t('cases.search')} type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} optional />
        <SelectField
          label={t('cases.filterStatus')}
          value={params.status ?? ''}
          placeholder={t('app.all')}
          optional
          onChange={(e) => setParams({ status: e.currentTarget.value || undefined })}
          options={statuses.map((s) => ({ value: s, label: caseStatusLabel(s) }))}
        />
        <SelectField
          label={t('cases.filterGemeente')}
          value={params.gemeente ?? ''}
          placeholder={t('app.all')}
          optional
          onChange={(e) => setParams({ gemeente: e.currentTarget.value || undefined })}
          options={(partners() ?? []).filter((p) => p.kind === 'gemeente').map((p) => ({ value: p.id, label: p.shortName }))}
        />
        <SelectField
          label={t('cases.filterTheme')}
          value={params.thema ?? ''}
          placeholder={t('app.all')}
          optional
          onChange={(e) => setParams({ thema: e.currentTarget.value || undefined })}
          options={(themes() ?? []).map((th) => ({ value: th.id, label: th.name }))}
        />
        <CheckboxField
          label={t('cases.filterOverdue')}
          checked={params.verlopen === '1'}
          onChange={(on) => setParams({ verlopen: on ? '1' : undefined })}
        />
        <Button type="submit">{t('cases.searchButton')}</Button>
      </form>
      <Show when={failed()}>
        <Alert kind="error">{t('app.networkError')}</Alert>
      </Show>
      <p class="utrecht-paragraph" role="status" aria-live="polite">
        {loading() ? t('app.loading') : t('cases.count', { n: rows().length })}
      </p>
      <DataTable
        caption={t('cases.caption')}
        rows={rows()}
        loading={loading()}
        empty={t('cases.none')}
        columns={[
          {
            header: t('cases.code'),
            cell: (c: Row) => (
              <A class="utrecht-link" href={`/casussen/${c.id}`}>
                {c.code}
              </A>
            ),
          },
          { header: t('cases.address'), cell: (c) => address(c) },
          { header: t('cases.filterGemeente'), cell: (c) => c.gemeente },
          { header: t('cases.theme'), cell: (c) => c.theme },
          {
            header: t('cases.filterStatus'),
            cell: (c) => (
              <>
                <Status tone={c.status === 'afgerond' ? 'ok' : c.status === 'signaal' ? 'warning' : 'neutral'}>
                  {caseStatusLabel(c.status)}
                </Status>
                <Show when={c.priority === 'hoog'}>
                  {' '}
                  <Status tone="danger">{t('case.priority.hoog')}</Status>
                </Show>
              </>
            ),
          },
          {
            header: t('cases.openTasks'),
            cell: (c) => (
              <>
                {c.openTasks}
                <Show when={c.overdueTasks > 0}>
                  {' '}
                  <span class="overdue">({t('cases.overdueTasks', { n: c.overdueTasks })})</span>
                </Show>
              </>
            ),
          },
          { header: t('cases.createdAt'), cell: (c) => formatDate(c.createdAt) },
        ]}
      />
      <Show when={cursor() !== null}>
        <Button onClick={() => void load(false)} busy={loading()}>
          {t('app.loadMore')}
        </Button>
      </Show>
    </section>
  );
}
