// The progress report (SPEC §2 step 7): presets for the team's cadence or a custom range of whole
// months, key figures and tables (current against previous), accessible SVG charts with the
// numbers also in tables, and the DOCX/CSV downloads. Small counts arrive from the server already
// suppressed (null with a mark): the page shows "< k" or "x", as the exports do.
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDay, locale, t } from '../../i18n';
import { lastDayOfMonth } from '../../lib/dates';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import { BarChart } from '../../components/BarChart';
import { ReportNarrative } from './ReportNarrative';
import { LoadError } from '../../components/ResourceError';
import { DataTable } from '../../components/DataTable';

type Report = Awaited<ReturnType<typeof api.reports.progress.query>>;
type Label = { nl: string; en: string };
type Mark = 'small' | 'secondary' | undefined;
/** A row of a report table, or its total row (which has the same figures and a label). */
type Line = Pick<Report['tables'][number]['rows'][number], 'label' | 'current' | 'previous' | 'mask'>;

const lbl = (l: Label) => l[locale()];
function fmt(value: number | null | undefined, kind: string, mark?: Mark, k?: number): string {
  if (mark === 'small') return `< ${k}`;
  if (mark === 'secondary') return 'x';
  if (value === null || value === undefined) return '–';
  if (kind === 'percent') return `${value}%`;
  return locale() === 'nl' ? String(value).replace('.', ',') : String(value);
}
/** A month `yyyy-mm` as the report's first and last day. */
const firstDay = (month: string) => `${month}-01`;
const lastDay = lastDayOfMonth;
const chartKeys = [
  'casesOpened',
  'casesActivated',
  'casesClosed',
  'avoRequests',
  'agreements',
  'tasksCreated',
  'tasksDone',
  'tasksOverdue',
  'meetingsHeld',
  'controlsHeld',
  'findings',
  'escalationsRaised',
];

export default function Reports() {
  const [presets, { refetch: refetchPresets }] = createResource(() => api.reports.presets.query());
  const [choice, setChoice] = createSignal<string>('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [period, setPeriod] = createSignal<{ from: string; to: string } | null>(null);
  createEffect(() => {
    const p = presets();
    if (!p || choice()) return;
    const preset = p.presets.find((x) => x.key === p.defaultKey) ?? p.presets[0];
    if (preset) choose(preset.key);
  });
  function choose(key: string) {
    setChoice(key);
    const preset = presets()?.presets.find((x) => x.key === key);
    if (preset) {
      setFrom(preset.from.slice(0, 7));
      setTo(preset.to.slice(0, 7));
      setPeriod({ from: preset.from, to: preset.to });
    }
  }
  const [report] = createResource(period, (p) => api.reports.progress.query(p));
  const show = createAction(async () => {
    // Reports cover whole calendar months (art. 20.13): the picker chooses months.
    const r = await api.reports.progress.query({ from: firstDay(from()), to: lastDay(to()) });
    setPeriod({ from: r.period.from, to: r.period.to });
    return r;
  });
  const [threshold, setThreshold] = createSignal('');
  const saveThreshold = createAction(async () => {
    await api.reports.setThreshold.mutate({ threshold: Number(threshold()) });
    void refetchPresets();
    const p = period();
    if (p) setPeriod({ ...p });
  });
  const query = () => (period() ? `from=${period()!.from}&to=${period()!.to}` : '');

  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('reports.title')}
      </h1>
      <Show when={presets()}>{(p) => <p class="utrecht-paragraph">{t('reports.intro', { recipient: p().recipient })}</p>}</Show>
      <Show when={presets() && choice()}>
        <form
          class="row card"
          onSubmit={(e) => {
            e.preventDefault();
            void show.run();
          }}
        >
          <SelectField
            label={t('reports.preset')}
            value={choice()}
            onChange={(e) => (e.currentTarget.value === 'custom' ? setChoice('custom') : choose(e.currentTarget.value))}
            options={[
              ...(presets()?.presets ?? []).map((p) => ({
                value: p.key,
                label: `${lbl(p.label)}${p.complete ? '' : ` ${t('reports.incomplete')}`}`,
              })),
              { value: 'custom', label: t('reports.custom') },
            ]}
          />
          <TextField
            label={t('reports.from')}
            description={t('reports.monthHint')}
            type="month"
            pattern="\d{4}-\d{2}"
            value={from()}
            required
            onInput={(e) => {
              setFrom(e.currentTarget.value);
              setChoice('custom');
            }}
            error={show.field('from')}
          />
          <TextField
            label={t('reports.to')}
            description={t('reports.monthHint')}
            type="month"
            pattern="\d{4}-\d{2}"
            value={to()}
            required
            onInput={(e) => {
              setTo(e.currentTarget.value);
              setChoice('custom');
            }}
            error={show.field('to')}
          />
          <Button type="submit" variant="primary" busy={show.busy()}>
            {t('reports.show')}
          </Button>
        </form>
      </Show>
      <Show when={show.error()}>
        <Alert kind="error">{show.error()}</Alert>
      </Show>
      <Show when={report.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show when={report.loading}>
        <p class="utrecht-paragraph" role="status">
          {t('app.loading')}
        </p>
      </Show>
      <Show when={report()}>{(r) => <ReportView report={r()} query={query()} />}</Show>
      <Show when={hasRole('coordinator', 'admin') && presets()}>
        <form
          class="inline-form card"
          onSubmit={(e) => {
            e.preventDefault();
            void saveThreshold.run();
          }}
        >
          <TextField
            label={t('reports.threshold')}
            description={t('reports.thresholdHint')}
            type="number"
            min="1"
            max="50"
            required
            value={threshold() || String(presets()!.threshold)}
            onInput={(e) => setThreshold(e.currentTarget.value)}
            error={saveThreshold.error() ?? undefined}
          />
          <Button type="submit" busy={saveThreshold.busy()}>
            {t('app.save')}
          </Button>
        </form>
      </Show>
    </section>
  );
}

function ReportView(props: { report: Report; query: string }) {
  const r = () => props.report;
  const k = () => r().suppression.threshold;
  return (
    <div class="stack">
      <p class="utrecht-paragraph">
        <strong>{r().team.name}</strong> —{' '}
        {t('reports.period', {
          from: formatDay(r().period.from, 'long'),
          to: formatDay(r().period.to, 'long'),
          prevFrom: formatDay(r().previousPeriod.from, 'long'),
          prevTo: formatDay(r().previousPeriod.to, 'long'),
        })}
      </p>
      <div class="row" role="group" aria-label={t('reports.export')}>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={`/export/report.docx?${props.query}`}
          download=""
        >
          {t('reports.exportDocx')}
        </a>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={`/export/report.csv?${props.query}`}
          download=""
        >
          {t('reports.exportCsv')}
        </a>
      </div>
      <Show
        when={r().suppression.applies}
        fallback={
          <p class="utrecht-paragraph notice" role="note">
            {t('reports.suppressionNone', { k: k() })}
          </p>
        }
      >
        <p class="utrecht-paragraph notice" role="note">
          {t('reports.suppressionNote', { max: k() - 1, k: k() })}
        </p>
      </Show>
      <section class="stack">
        <h2 class="utrecht-heading-2">{t('reports.summary')}</h2>
        <Show when={locale() === 'en'}>
          <p class="utrecht-paragraph muted">{t('reports.narrativeDutch')}</p>
        </Show>
        <For each={r().narrative}>
          {(line) => (
            <p class="utrecht-paragraph" lang="nl">
              {line}
            </p>
          )}
        </For>
      </section>
      <ReportNarrative period={r().period} />
      <section class="stack">
        <h2 class="utrecht-heading-2">{t('reports.keyFigures')}</h2>
        <BarChart
          title={t('reports.keyFigures')}
          bars={r()
            .headline.filter((h) => chartKeys.includes(h.key) && !h.mask?.current && !h.mask?.previous)
            .map((h) => ({ label: lbl(h.label), current: h.current ?? 0, previous: h.previous ?? 0 }))}
        />
        <DataTable
          caption={t('reports.keyFigures')}
          rows={r().headline}
          empty={t('reports.noRows')}
          columns={[
            { header: t('reports.figure'), rowHeader: true, cell: (h) => lbl(h.label) },
            { header: t('reports.current'), class: 'num', cell: (h) => fmt(h.current, h.kind, h.mask?.current, k()) },
            { header: t('reports.previous'), class: 'num', cell: (h) => fmt(h.previous, h.kind, h.mask?.previous, k()) },
          ]}
        />
      </section>
      <For each={r().tables}>
        {(table) => (
          <section class="stack">
            <h2 class="utrecht-heading-2">{lbl(table.title)}</h2>
            <Show when={table.id === 'cases_by_gemeente' && table.rows.length > 0}>
              <BarChart
                title={`${lbl(table.title)} — ${lbl(table.columns[0]!.label)}`}
                bars={table.rows
                  .filter((row) => !row.mask.current.opened && !row.mask.previous.opened)
                  .map((row) => ({ label: row.label, current: row.current.opened ?? 0, previous: row.previous.opened ?? 0 }))}
              />
            </Show>
            <DataTable<Line>
              caption={
                <>
                  {lbl(table.title)} <span class="muted">({t('reports.previousInBrackets')})</span>
                </>
              }
              regionLabel={lbl(table.title)}
              rows={table.rows}
              footRows={table.totals && table.rows.length > 0 ? [{ label: t('reports.total'), ...table.totals }] : undefined}
              empty={t('reports.noRows')}
              columns={[
                { header: lbl(table.rowHeader), rowHeader: true, cell: (row) => row.label },
                ...table.columns.map((c) => ({
                  header: lbl(c.label),
                  class: 'num',
                  cell: (row: Line) => <Figures values={row} column={c} k={k()} />,
                })),
              ]}
            />
          </section>
        )}
      </For>
    </div>
  );
}

/** One figure, this period and (in brackets) the previous one; a hidden one reads "< k" or "x". */
function Figures(props: {
  values: {
    current: Record<string, number | null>;
    previous: Record<string, number | null>;
    mask: { current: Record<string, string>; previous: Record<string, string> };
  };
  column: { key: string; kind: string };
  k: number;
}) {
  const mark = (side: 'current' | 'previous') => props.values.mask[side][props.column.key] as Mark;
  const said = (m: Mark) => (m === 'small' ? t('reports.suppressedCell', { k: props.k }) : t('reports.secondaryCell'));
  return (
    <>
      <span aria-hidden={mark('current') ? 'true' : undefined}>
        {fmt(props.values.current[props.column.key], props.column.kind, mark('current'), props.k)}
      </span>
      <Show when={mark('current')}>{(m) => <span class="visually-hidden">{said(m())}</span>}</Show>{' '}
      <span class="muted">
        (
        <span aria-hidden={mark('previous') ? 'true' : undefined}>
          {fmt(props.values.previous[props.column.key], props.column.kind, mark('previous'), props.k)}
        </span>
        <Show when={mark('previous')}>{(m) => <span class="visually-hidden">{said(m())}</span>}</Show>)
      </span>
    </>
  );
}
