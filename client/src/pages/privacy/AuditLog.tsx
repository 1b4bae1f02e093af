// Logboek (P6, art. 20.2 and 23): the FG reviews who did what with the team's data, newest first,
// filtered by kind of action, user, casus, period and person (a betrokkene's opaque id: "who read
// this person's data"), exports it as CSV, and sees whether the hash chain is intact — checked
// incrementally from the last signed checkpoint, or fully on request.
// The server decides who may see it (privacy role only); others get a clear message, no data.
import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { LoadError } from '../../components/ResourceError';
import { api, errorKey, errorMessage } from '../../lib/trpc';
import { categoryLabel, kindLabel, roleLabel } from '../../lib/labels';
import { formatDateTime, formatDay, hasText, locale, t } from '../../i18n';
import { Alert, Button, SelectField, TextField } from '../../components/Form';

type Page = Awaited<ReturnType<typeof api.audit.list.query>>;
type Entry = Page['items'][number];
type Fact = Entry['facts'][number];

/** The actions appendAudit records, grouped by their first segment (the filter prefix). */
const actionGroups: [string, string[]][] = [
  ['personal_data', ['personal_data.read', 'personal_data.bsn_revealed', 'personal_data.created', 'personal_data.erased']],
  ['subject', ['subject.informed']],
  [
    'auth',
    [
      'auth.login',
      'auth.login.failed',
      'auth.login.throttled',
      'auth.logout',
      'auth.password.changed',
      'auth.two_factor.enabled',
      'auth.two_factor.disabled',
      'auth.two_factor.reset',
      'auth.two_factor.failed',
      'auth.two_factor.throttled',
      'auth.two_factor.recovery_used',
      'auth.two_factor.recovery_renewed',
      'auth.sessions_ended',
      'auth.account.locked',
      'auth.account.unlocked',
    ],
  ],
  ['case', ['case.created', 'case.updated', 'case.status', 'case.withdrawn']],
  ['task', ['task.created', 'task.completed', 'task.reopened', 'task.blocker', 'task.unblocked', 'task.updated', 'task.lapsed']],
  ['agreement', ['agreement.created', 'agreement.status', 'agreement.updated']],
  [
    'meeting',
    [
      'meeting.created',
      'meeting.updated',
      'meeting.removed',
      'meeting.cancelled',
      'meeting.gepubliceerd',
      'meeting.bezig',
      'meeting.gesloten',
    ],
  ],
  ['agenda', ['agenda.item_added', 'agenda.item_updated', 'agenda.item_removed', 'agenda.item_accepted', 'agenda.item_declined']],
  ['attendance', ['attendance.set']],
  [
    'minutes',
    [
      'minutes.drafted',
      'minutes.updated',
      'minutes.definitief',
      'minutes.concept',
      'minutes.vastgesteld',
      'minutes.exported',
      'minutes.distributed',
    ],
  ],
  [
    'control',
    [
      'control.planned',
      'control.updated',
      'control.cancelled',
      'control.held',
      'control.finding_added',
      'control.finding_removed',
      'control.briefing',
    ],
  ],
  ['escalation', ['escalation.raised', 'escalation.resolved']],
  ['report', ['report.exported', 'report.threshold', 'report.narrative_saved']],
  ['calendar', ['calendar.feed_created', 'calendar.feed_rotated']],
  ['sharing', ['sharing.changed']],
  ['partner', ['partner.joined', 'partner.leaving']],
  [
    'user',
    [
      'user.created',
      'user.create_refused',
      'user.role_raised',
      'user.activated',
      'user.activation_reissued',
      'user.disabled',
      'user.enabled',
    ],
  ],
  ['team', ['team.two_factor_required']],
  [
    'covenant',
    [
      'covenant.proposed',
      'covenant.approved',
      'covenant.rejected',
      'covenant.addendum_proposed',
      'covenant.addendum_approved',
      'covenant.addendum_rejected',
      'covenant.case_hand_back',
      'covenant.case_erase',
      'covenant.handback_exported',
    ],
  ],
  ['security', ['security.mass_read']],
  ['audit', ['audit.listed', 'audit.exported', 'audit.checked', 'audit.chain_broken']],
];

const label = (key: string, fallback: string) => (hasText(key) ? t(key) : fallback);
const actionLabel = (action: string) => label(`audit.action.${action}`, `${t('audit.otherAction')} (${action})`);
const groupLabel = (group: string) => label(`audit.group.${group}`, group);

const actionOptions = actionGroups.flatMap(([group, actions]) => [
  { value: group, label: t('audit.allGroup', { group: groupLabel(group) }) },
  ...actions.map((a) => ({ value: a, label: `\u00a0\u00a0· ${actionLabel(a)}` })),
]);

const isDay = (s: string | undefined) => Boolean(s && /^\d{4}-\d{2}-\d{2}$/.test(s));
const isSubjectId = (s: string | undefined) => Boolean(s && /^[A-Za-z0-9_-]{1,100}$/.test(s));
/** Betrokkenen of one entry are lettered A, B, … — never numbered like ids, never named. */
const letter = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');

export default function AuditLog() {
  // Filters live in the URL, so a filtered view can be bookmarked and survives a reload.
  const [params, setParams] = useSearchParams<{
    handeling?: string;
    gebruiker?: string;
    casus?: string;
    van?: string;
    tot?: string;
    betrokkene?: string;
  }>();
  const [rows, setRows] = createSignal<Entry[]>([]);
  const [cursor, setCursor] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [forbidden, setForbidden] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);

  const [action, setAction] = createSignal(params.handeling ?? '');
  const [actor, setActor] = createSignal(params.gebruiker ?? '');
  const [caseCode, setCaseCode] = createSignal(params.casus ?? '');
  const [from, setFrom] = createSignal(params.van ?? '');
  const [to, setTo] = createSignal(params.tot ?? '');

  const filter = () => ({
    action: params.handeling && /^[a-z_.]+$/.test(params.handeling) ? params.handeling : null,
    actorId: Number(params.gebruiker) > 0 ? Number(params.gebruiker) : null,
    caseCode: params.casus?.trim() || null,
    from: isDay(params.van) ? params.van! : null,
    to: isDay(params.tot) ? params.tot! : null,
    subjectId: isSubjectId(params.betrokkene) ? params.betrokkene! : null,
  });

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

  // Only once the server let the list through: the FG's own tools.
  const [full, setFull] = createSignal(false);
  // A refused re-check (e.g. "too often, try again in 8 seconds") is shown above the result it
  // could not replace; the earlier result stays, since it is still true for the rows it read.
  type Verification = Awaited<ReturnType<typeof api.audit.verify.query>>;
  const [recheckError, setRecheckError] = createSignal<unknown>(null);
  const [verification, { refetch: recheck }] = createResource(loaded, async (_, info): Promise<Verification> => {
    setRecheckError(null);
    try {
      return await api.audit.verify.query({ full: full() });
    } catch (e) {
      if (!info.value) throw e;
      setRecheckError(e);
      return info.value;
    }
  });
  function check(whole: boolean) {
    setFull(whole);
    void recheck();
  }
  // The export link follows the filters that are applied (in the URL): a person, or a period.
  const exportHref = () => {
    const f = filter();
    const q = new URLSearchParams();
    if (f.subjectId) q.set('subject', f.subjectId);
    else if (f.from && f.to) {
      q.set('from', f.from);
      q.set('to', f.to);
    } else return null;
    return `/export/audit.csv?${q.toString()}`;
  };
  const [actors] = createResource(loaded, () => api.audit.actors.query());

  function apply(e: SubmitEvent) {
    e.preventDefault();
    setParams({
      handeling: action() || undefined,
      gebruiker: actor() || undefined,
      casus: caseCode().trim() || undefined,
      van: from() || undefined,
      tot: to() || undefined,
    });
  }
  function reset() {
    setAction('');
    setActor('');
    setCaseCode('');
    setFrom('');
    setTo('');
    setParams({ handeling: undefined, gebruiker: undefined, casus: undefined, van: undefined, tot: undefined, betrokkene: undefined });
  }

  // The server resolved every id into a name or code (audit.list `facts`); here codes become words.
  function factValue(f: Fact): string {
    switch (f.type) {
      case 'categories':
        return f.value.map(categoryLabel).join(', ');
      case 'category':
        return categoryLabel(f.value);
      case 'names':
        return f.value.join(', ');
      case 'fields':
        return f.value.map((x) => label(`changes.field.${x}`, t('audit.unknown'))).join(', ');
      case 'role':
        return roleLabel(f.value);
      case 'kind':
        return kindLabel(f.value);
      case 'label':
        return f.value[locale()];
      case 'yesNo':
        return f.value ? t('app.yes') : t('app.no');
      case 'count':
        return String(f.value);
      case 'date':
        return /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? formatDay(f.value, 'long') : t('audit.unknown');
      case 'name':
        return f.value === '—' ? t('audit.unknown') : f.value;
      case 'code':
        return label(`audit.value.${f.key}.${f.value}`, t('audit.unknown'));
      case 'text':
        return f.value;
    }
  }
  const factLabel = (f: Fact) => label(`audit.detail.${f.key}`, f.key);

  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('audit.title')}
      </h1>
      <Show when={!forbidden()} fallback={<Alert kind="error">{t('audit.forbidden')}</Alert>}>
        <p class="utrecht-paragraph">{t('audit.intro')}</p>

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

        <section class="card stack" aria-labelledby="export-heading">
          <h2 class="utrecht-heading-2" id="export-heading">
            {t('audit.exportTitle')}
          </h2>
          <p class="utrecht-paragraph">{t('audit.exportIntro')}</p>
          <Show when={exportHref()} fallback={<p class="utrecht-paragraph muted">{t('audit.exportNeedsPeriod')}</p>}>
            {(href) => (
              <div>
                <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={href()} download="">
                  {filter().subjectId ? t('audit.exportPerson') : t('audit.exportPeriod')}
                </a>
              </div>
            )}
          </Show>
        </section>

        <form class="card stack" role="search" aria-labelledby="filters-heading" onSubmit={apply}>
          <h2 class="utrecht-heading-2" id="filters-heading">
            {t('audit.filters')}
          </h2>
          <div class="row">
            <SelectField
              label={t('audit.filterAction')}
              value={action()}
              placeholder={t('app.all')}
              optional
              onChange={(e) => setAction(e.currentTarget.value)}
              options={actionOptions}
            />
            <SelectField
              label={t('audit.filterActor')}
              value={actor()}
              placeholder={t('app.all')}
              optional
              onChange={(e) => setActor(e.currentTarget.value)}
              options={(actors() ?? []).map((a) => ({ value: a.id, label: `${a.name} (${roleLabel(a.role)})` }))}
            />
            <TextField
              label={t('audit.filterCase')}
              description={t('audit.filterCaseHint')}
              value={caseCode()}
              maxLength={40}
              autocomplete="off"
              optional
              onInput={(e) => setCaseCode(e.currentTarget.value)}
            />
            <TextField label={t('audit.filterFrom')} type="date" value={from()} optional onInput={(e) => setFrom(e.currentTarget.value)} />
            <TextField label={t('audit.filterTo')} type="date" value={to()} optional onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
          <div class="inline-form">
            <Button type="submit" variant="primary">
              {t('audit.apply')}
            </Button>
            <Button variant="subtle" onClick={reset}>
              {t('audit.reset')}
            </Button>
          </div>
        </form>

        <Show when={error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <p class="utrecht-paragraph" role="status" aria-live="polite">
          {loading() ? t('app.loading') : t('audit.count', { n: rows().length })}
        </p>
        <div class="table-wrap">
          <table class="utrecht-table" data-testid="audit-log">
            <caption class="utrecht-table__caption">{t('audit.caption')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.when')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.actor')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.action')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.entity')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.case')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('audit.detail')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For
                each={rows()}
                fallback={
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell" colSpan={6}>
                      {loading() ? t('app.loading') : t('audit.none')}
                    </td>
                  </tr>
                }
              >
                {(entry) => (
                  <tr class="utrecht-table__row" data-action={entry.action}>
                    <td class="utrecht-table__cell">
                      <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                      <br />
                      <span class="muted">{t('audit.entryId', { id: entry.id })}</span>
                    </td>
                    <td class="utrecht-table__cell">
                      <Show when={entry.actor} fallback={<span class="muted">{t('audit.system')}</span>}>
                        {(a) => (
                          <>
                            {a().name}
                            <br />
                            <span class="muted">
                              {roleLabel(a().role)}
                              {a().partner ? `, ${a().partner}` : ''}
                            </span>
                          </>
                        )}
                      </Show>
                    </td>
                    <td class="utrecht-table__cell">{actionLabel(entry.action)}</td>
                    <td class="utrecht-table__cell">
                      <Show when={entry.entity}>
                        {(e) => (
                          <>
                            {label(`audit.entity.${e()}`, t('audit.otherEntity'))}
                            {entry.subject ? `: ${entry.subject}` : ''}
                          </>
                        )}
                      </Show>
                    </td>
                    <td class="utrecht-table__cell">
                      <Show when={entry.caseId !== null && entry.caseCode}>
                        <A class="utrecht-link" href={`/casussen/${entry.caseId}`}>
                          {entry.caseCode}
                        </A>
                      </Show>
                    </td>
                    <td class="utrecht-table__cell">
                      <Show when={entry.facts.length > 0}>
                        <ul class="audit-facts">
                          <For each={entry.facts}>
                            {(f) => (
                              <li>
                                {factLabel(f)}: {factValue(f)}
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                      <Show when={entry.subjects.length > 0 && !filter().subjectId}>
                        <ul class="audit-facts" aria-label={t('audit.persons')}>
                          <For each={entry.subjects}>
                            {(s, i) => (
                              <li>
                                <A class="utrecht-link" href={`/logboek?betrokkene=${encodeURIComponent(s.id)}`}>
                                  {t(s.police ? 'audit.personLinkPolice' : 'audit.personLink', { letter: letter(i()) })}
                                </A>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={cursor() !== null}>
          <Button onClick={() => void load(false)} busy={loading()}>
            {t('app.loadMore')}
          </Button>
        </Show>
      </Show>
    </section>
  );
}
