// Data-subject requests (art. 24, issue 11 items 1–2): find the person through the blind index,
// register the request, and the register itself with its deadlines.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { partnerOption } from '../../lib/partners';
import { formatDay, t, today, type TextKey } from '../../i18n';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

const kinds = ['inzage', 'rectificatie', 'verwijdering', 'beperking', 'bezwaar'] as const;
type Hit = { subjectId: string; caseId: number; caseCode: string };

export default function Requests() {
  const [list, { refetch }] = createResource(() => api.dsr.list.query());
  const [partners] = createResource(() => api.partners.list.query());
  const [query, setQuery] = createSignal('');
  const [hits, setHits] = createSignal<Hit[] | null>(null);
  const [chosen, setChosen] = createSignal<Hit[]>([]);
  const [kind, setKind] = createSignal<(typeof kinds)[number]>('inzage');
  const [receivedOn, setReceivedOn] = createSignal(today());
  const [partnerId, setPartnerId] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const search = createAction(async () => setHits(await api.dsr.search.query({ query: query() })));
  const register = createAction(async () => {
    const r = await api.dsr.create.mutate({
      kind: kind(),
      receivedOn: receivedOn(),
      receivedByPartnerId: Number(partnerId()),
      subjectIds: chosen().map((c) => c.subjectId),
    });
    setDone(t('fg.requests.registered', { id: r.id, deadline: formatDay(r.deadline) }));
    setChosen([]);
    setHits(null);
    setQuery('');
    void refetch();
  });
  const isChosen = (h: Hit) => chosen().some((c) => c.subjectId === h.subjectId);
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('fg.requests.title')}
      </h1>
      <p class="utrecht-paragraph">{t('fg.requests.intro')}</p>
      <Show when={done()}>
        <Alert kind="ok">{done()}</Alert>
      </Show>

      <form
        class="card stack"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search.run();
        }}
      >
        <h2 class="utrecht-heading-2">{t('fg.search.title')}</h2>
        <TextField
          label={t('fg.search.label')}
          description={t('fg.search.hint')}
          required
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          error={search.field('query')}
        />
        <Show when={search.error()}>
          <Alert kind="error">{search.error()}</Alert>
        </Show>
        <div class="row">
          <Button type="submit" variant="primary" busy={search.busy()}>
            {t('fg.search.submit')}
          </Button>
        </div>
        <Show when={hits()}>
          {(found) => (
            <div aria-live="polite">
              <p class="utrecht-paragraph">{found().length === 0 ? t('fg.search.none') : t('fg.search.results', { n: found().length })}</p>
              <ul class="section-list">
                <For each={found()}>
                  {(h) => (
                    <li>
                      <A class="utrecht-link" href={`/casussen/${h.caseId}`}>
                        {t('fg.search.person', { code: h.caseCode })}
                      </A>{' '}
                      <Button
                        type="button"
                        variant="secondary"
                        aria-pressed={isChosen(h)}
                        onClick={() => setChosen(isChosen(h) ? chosen().filter((c) => c.subjectId !== h.subjectId) : [...chosen(), h])}
                      >
                        {isChosen(h) ? t('fg.requests.chosen') : t('fg.requests.choose')} <span class="visually-hidden">{h.caseCode}</span>
                      </Button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </Show>
      </form>

      <form
        class="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          void register.run();
        }}
      >
        <h2 class="utrecht-heading-2">{t('fg.requests.new')}</h2>
        <p class="utrecht-paragraph">
          {chosen().length === 0 ? t('fg.requests.newHint') : t('fg.requests.selected', { n: chosen().length })}{' '}
          {chosen()
            .map((c) => c.caseCode)
            .join(', ')}
        </p>
        <div class="row">
          <SelectField
            label={t('fg.requests.kind')}
            required
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as (typeof kinds)[number])}
            options={kinds.map((k) => ({ value: k, label: t(`fg.kind.${k}` as TextKey) }))}
          />
          <TextField
            label={t('fg.requests.receivedOn')}
            type="date"
            required
            value={receivedOn()}
            onInput={(e) => setReceivedOn(e.currentTarget.value)}
            error={register.field('receivedOn')}
          />
          <SelectField
            label={t('fg.requests.receivedBy')}
            required
            value={partnerId()}
            placeholder={t('fg.requests.choosePartner')}
            onChange={(e) => setPartnerId(e.currentTarget.value)}
            error={register.field('receivedByPartnerId')}
            options={(partners() ?? []).map(partnerOption)}
          />
        </div>
        <Show when={register.error()}>
          <Alert kind="error">{register.error()}</Alert>
        </Show>
        <div class="row">
          <Button type="submit" variant="primary" busy={register.busy()} disabled={chosen().length === 0}>
            {t('fg.requests.new')}
          </Button>
        </div>
      </form>

      <DataTable
        caption={t('fg.requests.caption', { n: list()?.length ?? 0 })}
        resource={list}
        empty={t('fg.requests.none')}
        columns={[
          {
            header: t('fg.requests.title'),
            cell: (r) => (
              <>
                <A class="utrecht-link" href={`/privacy/verzoeken/${r.id}`}>
                  {t('fg.requests.number', { id: r.id })}
                </A>
              </>
            ),
          },
          { header: t('fg.requests.kind'), cell: (r) => t(`fg.kind.${r.kind}` as TextKey) },
          { header: t('fg.requests.receivedOn'), cell: (r) => formatDay(r.receivedOn) },
          { header: t('fg.requests.deadline'), cell: (r) => formatDay(r.deadline) },
          { header: t('fg.requests.persons'), cell: (r) => r.subjects.map((s) => s.caseCode).join(', ') },
          {
            header: t('fg.requests.status'),
            cell: (r) => (
              <>
                <RequestStatus overdue={r.overdue} dueSoon={r.dueSoon} status={r.status} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

export function RequestStatus(props: { overdue: boolean; dueSoon: boolean; status: 'open' | 'afgehandeld' }) {
  return (
    <Show when={props.status === 'open'} fallback={<Status tone="ok">{t('fg.status.afgehandeld')}</Status>}>
      <Show
        when={props.overdue}
        fallback={
          <Status tone={props.dueSoon ? 'warning' : 'neutral'}>{props.dueSoon ? t('fg.requests.dueSoon') : t('fg.status.open')}</Status>
        }
      >
        <Status tone="danger">{t('fg.requests.overdue')}</Status>
      </Show>
    </Show>
  );
}
