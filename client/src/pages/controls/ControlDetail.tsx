// One integrale controle: panden, partners, briefing downloads per partner, findings per partner
// (a member records for their own participating partner; the coordinator for any participant).
import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { formatDay, locale, t, today } from '../../i18n';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { controlStatusLabel } from './ControlList';
import { Loaded } from '../../components/ResourceError';
import { DataTable } from '../../components/DataTable';

export default function ControlDetail() {
  const params = useParams<{ id: string }>();
  const [control, { refetch }] = createResource(
    () => Number(params.id),
    (id) => api.controls.get.query({ id }),
  );
  const [catalogue] = createResource(() => api.controls.catalogue.query());
  const coordinator = () => hasRole('coordinator');
  const [partnerId, setPartnerId] = createSignal('');
  const [findingType, setFindingType] = createSignal('');
  const [measure, setMeasure] = createSignal('');
  const [caseId, setCaseId] = createSignal('');
  const [note, setNote] = createSignal('');
  const forPartner = createMemo(() => {
    const c = control();
    if (!c) return undefined;
    const id = coordinator() ? Number(partnerId()) : me()?.partnerId;
    return c.partners.find((p) => p.id === id);
  });
  const add = createAction(async () => {
    await api.controls.addFinding.mutate({
      controlId: control()!.id,
      partnerId: coordinator() ? Number(partnerId()) || null : null,
      caseId: caseId() ? Number(caseId()) : null,
      findingType: findingType(),
      measure: measure() as never,
      note: note(),
    });
    setFindingType('');
    setMeasure('');
    setNote('');
    void refetch();
  });
  const remove = createAction(async (id: string) => {
    await api.controls.removeFinding.mutate({ id });
    void refetch();
  });
  const setStatus = createAction(async (kind: 'cancel' | 'complete') => {
    const c = control()!;
    await (kind === 'cancel'
      ? api.controls.cancel.mutate({ id: c.id, version: c.version })
      : api.controls.complete.mutate({ id: c.id, version: c.version }));
    void refetch();
  });
  const measureOptions = () => Object.entries(catalogue()?.measures ?? {}).map(([code, l]) => ({ value: code, label: l[locale()] }));
  const canRecord = () => {
    const c = control();
    return c && c.status !== 'geannuleerd' && c.plannedOn <= today() && (coordinator() || c.participating);
  };

  return (
    <Loaded resource={control} back={{ href: '/controles', label: t('resource.backToControls') }}>
      {(c) => (
        <article class="stack">
          <div class="page-header">
            <div>
              <p class="utrecht-paragraph muted">
                <A class="utrecht-link" href="/controles">
                  {t('controls.title')}
                </A>
              </p>
              <h1 class="utrecht-heading-1" tabindex="-1">
                {formatDay(c().plannedOn, 'long')}
                {c().startTime ? `, ${c().startTime}` : ''}
              </h1>
              <Status tone={c().status === 'geannuleerd' ? 'warning' : c().status === 'uitgevoerd' ? 'ok' : 'neutral'}>
                {controlStatusLabel(c().status)}
              </Status>
            </div>
            <Show when={coordinator() && c().status === 'gepland'}>
              <div class="row">
                <A
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href={`/controles/${c().id}/wijzigen`}
                >
                  {t('controls.edit')}
                </A>
                <Button onClick={() => void setStatus.run('complete')} busy={setStatus.busy()}>
                  {t('controls.markHeld')}
                </Button>
                <Button variant="danger" onClick={() => void setStatus.run('cancel')} busy={setStatus.busy()}>
                  {t('controls.cancel')}
                </Button>
              </div>
            </Show>
          </div>
          <Show when={setStatus.error()}>
            <Alert kind="error">{setStatus.error()}</Alert>
          </Show>
          <Show when={c().briefingNotes}>
            <p class="utrecht-paragraph card">{c().briefingNotes}</p>
          </Show>
          <section class="stack">
            <h2 class="utrecht-heading-2">{t('controls.cases')}</h2>
            <ul class="utrecht-unordered-list">
              <For each={c().cases}>
                {(x) => (
                  <li>
                    <A class="utrecht-link" href={`/casussen/${x.id}`}>
                      {x.code}
                    </A>{' '}
                    {x.address}{' '}
                    <span class="muted">
                      ({x.gemeente}, {x.theme})
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </section>
          <section class="stack">
            <h2 class="utrecht-heading-2">{t('controls.briefing')}</h2>
            <ul class="utrecht-unordered-list">
              <Show
                when={coordinator()}
                fallback={
                  <Show when={c().participating}>
                    <li>
                      <a class="utrecht-link" href={`/export/briefing/${c().id}.html`} target="_blank" rel="noopener">
                        {t('controls.briefingFor', { partner: c().partners.find((p) => p.id === me()?.partnerId)?.name ?? '' })}
                      </a>
                    </li>
                  </Show>
                }
              >
                <li>
                  <a class="utrecht-link" href={`/export/briefing/${c().id}.html`} target="_blank" rel="noopener">
                    {t('controls.briefingAll')}
                  </a>
                </li>
                <For each={c().partners}>
                  {(p) => (
                    <li>
                      <a class="utrecht-link" href={`/export/briefing/${c().id}.html?partnerId=${p.id}`} target="_blank" rel="noopener">
                        {t('controls.briefingFor', { partner: p.name })}
                      </a>
                    </li>
                  )}
                </For>
              </Show>
            </ul>
          </section>
          <section class="stack">
            <h2 class="utrecht-heading-2">{t('controls.findings')}</h2>
            <DataTable
              caption={`${t('controls.findings')} (${c().findings.length})`}
              rows={c().findings}
              empty={t('controls.noFindings')}
              columns={[
                { header: t('controls.forPartner'), cell: (f) => f.partner },
                {
                  header: t('controls.finding'),
                  cell: (f) => (
                    <>
                      {f.findingLabel[locale()]}
                      <Show when={f.note}>
                        <br />
                        <span class="muted">{f.note}</span>
                      </Show>
                    </>
                  ),
                },
                { header: t('controls.measure'), cell: (f) => f.measureLabel[locale()] },
                { header: t('controls.pand'), cell: (f) => c().cases.find((x) => x.id === f.caseId)?.code ?? '' },
                {
                  header: t('controls.remove'),
                  hideHeader: true,
                  cell: (f) => (
                    <Show when={coordinator() || f.partnerId === me()?.partnerId}>
                      <Button
                        variant="subtle"
                        onClick={() => void remove.run(f.id)}
                        aria-label={`${t('controls.remove')}: ${f.findingLabel[locale()]}`}
                      >
                        {t('controls.remove')}
                      </Button>
                    </Show>
                  ),
                },
              ]}
            />
            <Show when={remove.error()}>
              <Alert kind="error">{remove.error()}</Alert>
            </Show>
            <Show when={canRecord()}>
              <form
                class="card stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  void add.run();
                }}
              >
                <h3 class="utrecht-heading-3">{t('controls.addFinding')}</h3>
                <div class="row">
                  <Show when={coordinator()}>
                    <SelectField
                      label={t('controls.forPartner')}
                      required
                      value={partnerId()}
                      placeholder={t('controls.choosePartner')}
                      onChange={(e) => {
                        setPartnerId(e.currentTarget.value);
                        setFindingType('');
                      }}
                      options={c().partners.map((p) => ({ value: p.id, label: p.shortName }))}
                    />
                  </Show>
                  <SelectField
                    label={t('controls.finding')}
                    required
                    value={findingType()}
                    placeholder={t('controls.chooseType')}
                    onChange={(e) => setFindingType(e.currentTarget.value)}
                    error={add.field('findingType')}
                    options={(forPartner()?.findingTypes ?? []).map((f) => ({ value: f.code, label: f.label[locale()] }))}
                  />
                  <SelectField
                    label={t('controls.measure')}
                    required
                    value={measure()}
                    placeholder={t('controls.chooseType')}
                    onChange={(e) => setMeasure(e.currentTarget.value)}
                    error={add.field('measure')}
                    options={measureOptions()}
                  />
                  <SelectField
                    label={t('controls.pand')}
                    optional
                    value={caseId()}
                    placeholder={t('controls.anyPand')}
                    onChange={(e) => setCaseId(e.currentTarget.value)}
                    options={c().cases.map((x) => ({ value: x.id, label: x.code }))}
                  />
                </div>
                <TextField
                  label={t('controls.note')}
                  optional
                  value={note()}
                  maxLength={1000}
                  onInput={(e) => setNote(e.currentTarget.value)}
                />
                <Show when={add.error()}>
                  <Alert kind="error">{add.error()}</Alert>
                </Show>
                <div class="row">
                  <Button type="submit" variant="primary" busy={add.busy()}>
                    {t('controls.addFinding')}
                  </Button>
                </div>
              </form>
            </Show>
          </section>
        </article>
      )}
    </Loaded>
  );
}
