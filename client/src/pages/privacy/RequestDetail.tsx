// One data-subject request (art. 24, issue 11 items 2–3): forwarding to the partners concerned
// (the police for its part, 24.4), their reports back (24.3), extension, decision, and the inzage
// bundle (HTML to read and print, Word to edit the answer).
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDay, t, today, type TextKey } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, SelectField, TextAreaField, TextField } from '../../components/Form';
import { RequestStatus } from './Requests';
import { LoadError } from '../../components/ResourceError';

const decisions = ['toegewezen', 'deels_toegewezen', 'afgewezen'] as const;

export default function RequestDetail() {
  const params = useParams();
  const id = () => Number(params.id);
  const [request, { refetch }] = createResource(id, (requestId) => api.dsr.get.query({ id: requestId }));
  const forward = createAction(async () => {
    await api.dsr.forward.mutate({ id: id() });
    void refetch();
  });
  const [reportPartner, setReportPartner] = createSignal('');
  const [reportedOn, setReportedOn] = createSignal(today());
  const [report, setReport] = createSignal('');
  const recordReport = createAction(async () => {
    await api.dsr.recordReport.mutate({ id: id(), partnerId: Number(reportPartner()), reportedOn: reportedOn(), report: report() });
    setReport('');
    setReportPartner('');
    void refetch();
  });
  const [reason, setReason] = createSignal('');
  const extend = createAction(async () => {
    await api.dsr.extend.mutate({ id: id(), reason: reason() });
    setReason('');
    void refetch();
  });
  const [decision, setDecision] = createSignal<(typeof decisions)[number]>('toegewezen');
  const [note, setNote] = createSignal('');
  const decide = createAction(async () => {
    await api.dsr.decide.mutate({ id: id(), decision: decision(), note: note() });
    void refetch();
  });
  return (
    <section class="stack">
      <p>
        <A class="utrecht-link" href="/privacy/verzoeken">
          {t('fg.request.back')}
        </A>
      </p>
      <Show when={request.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show when={request()} fallback={<p>{t('app.loading')}</p>}>
        {(r) => (
          <>
            <h1 class="utrecht-heading-1" tabindex="-1">
              {t('fg.requests.number', { id: r().id })} — {t(`fg.kind.${r().kind}` as TextKey)}
            </h1>
            <dl class="facts">
              <dt>{t('fg.requests.receivedOn')}</dt>
              <dd>{formatDay(r().receivedOn, 'long')}</dd>
              <dt>{t('fg.requests.deadline')}</dt>
              <dd>
                {formatDay(r().deadline, 'long')} <RequestStatus overdue={r().overdue} dueSoon={r().dueSoon} status={r().status} />
              </dd>
              <dt>{t('fg.requests.persons')}</dt>
              <dd>
                <For each={r().subjects}>
                  {(s, i) => (
                    <>
                      {i() > 0 ? ', ' : ''}
                      <A class="utrecht-link" href={`/casussen/${s.caseId}`}>
                        {s.caseCode}
                      </A>
                    </>
                  )}
                </For>
              </dd>
            </dl>
            <Show when={r().extendedOn}>
              <p class="utrecht-paragraph">
                {t('fg.request.extended', { date: formatDay(r().extendedOn), reason: r().extensionReason ?? '' })}
              </p>
            </Show>
            <Show when={r().decision}>
              <Alert kind="ok">
                {t('fg.request.decided', { decision: t(`fg.decision.${r().decision}` as TextKey), date: formatDay(r().decidedOn) })}
                {r().decisionNote ? ` — ${r().decisionNote}` : ''}
              </Alert>
            </Show>

            <section class="card stack" aria-labelledby="bundle-heading">
              <h2 class="utrecht-heading-2" id="bundle-heading">
                {t('fg.request.bundle')}
              </h2>
              <p class="utrecht-paragraph">{t('fg.request.bundleHint')}</p>
              <div class="row">
                <a class="utrecht-link" href={`/export/inzage/${r().id}.html`} target="_blank" rel="noopener">
                  {t('fg.request.bundleHtml')}
                </a>
                <a class="utrecht-link" href={`/export/inzage/${r().id}.docx`}>
                  {t('fg.request.bundleDocx')}
                </a>
              </div>
            </section>

            <section class="stack" aria-labelledby="partners-heading">
              <h2 class="utrecht-heading-2" id="partners-heading">
                {t('fg.request.partners')}
              </h2>
              <DataTable
                caption={t('fg.request.partnersCaption')}
                rows={r().partners}
                empty={t('fg.request.noPartners')}
                columns={[
                  {
                    header: t('fg.request.partner'),
                    cell: (p) => `${p.name}${p.police ? ` — ${t('fg.request.policePart')}` : ''}`,
                  },
                  { header: t('fg.request.forwardedOn'), cell: (p) => (p.forwardedOn ? formatDay(p.forwardedOn) : '—') },
                  { header: t('fg.request.reportedOn'), cell: (p) => (p.reportedOn ? formatDay(p.reportedOn) : '—') },
                  { header: t('fg.request.report'), cell: (p) => p.report ?? '' },
                ]}
              />
              <Show when={r().status === 'open' && r().partners.some((p) => !p.forwardedOn)}>
                <Show when={forward.error()}>
                  <Alert kind="error">{forward.error()}</Alert>
                </Show>
                <div class="row">
                  <Button type="button" variant="primary" busy={forward.busy()} onClick={() => void forward.run()}>
                    {t('fg.request.forward')}
                  </Button>
                </div>
              </Show>
            </section>

            <Show when={r().status === 'open'}>
              <Show when={r().partners.some((p) => p.forwardedOn)}>
                <form
                  class="card stack"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void recordReport.run();
                  }}
                >
                  <h2 class="utrecht-heading-2">{t('fg.request.recordReport')}</h2>
                  <div class="row">
                    <SelectField
                      label={t('fg.request.partner')}
                      required
                      value={reportPartner()}
                      placeholder={t('fg.requests.choosePartner')}
                      onChange={(e) => setReportPartner(e.currentTarget.value)}
                      error={recordReport.field('partnerId')}
                      options={r()
                        .partners.filter((p) => p.forwardedOn)
                        .map((p) => ({ value: p.partnerId, label: p.name }))}
                    />
                    <TextField
                      label={t('fg.request.reportedOn')}
                      type="date"
                      required
                      value={reportedOn()}
                      onInput={(e) => setReportedOn(e.currentTarget.value)}
                      error={recordReport.field('reportedOn')}
                    />
                  </div>
                  <TextAreaField
                    label={t('fg.request.report')}
                    required
                    rows={2}
                    value={report()}
                    onInput={(e) => setReport(e.currentTarget.value)}
                    error={recordReport.field('report')}
                  />
                  <Show when={recordReport.error()}>
                    <Alert kind="error">{recordReport.error()}</Alert>
                  </Show>
                  <div class="row">
                    <Button type="submit" variant="secondary" busy={recordReport.busy()}>
                      {t('fg.request.recordReport')}
                    </Button>
                  </div>
                </form>
              </Show>
              <Show when={!r().extendedOn}>
                <form
                  class="card stack"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void extend.run();
                  }}
                >
                  <h2 class="utrecht-heading-2">{t('fg.request.extend')}</h2>
                  <TextAreaField
                    label={t('fg.request.extendReason')}
                    required
                    rows={2}
                    value={reason()}
                    onInput={(e) => setReason(e.currentTarget.value)}
                    error={extend.field('reason')}
                  />
                  <Show when={extend.error()}>
                    <Alert kind="error">{extend.error()}</Alert>
                  </Show>
                  <div class="row">
                    <Button type="submit" variant="secondary" busy={extend.busy()}>
                      {t('fg.request.extend')}
                    </Button>
                  </div>
                </form>
              </Show>
              <form
                class="card stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  void decide.run();
                }}
              >
                <h2 class="utrecht-heading-2">{t('fg.request.decide')}</h2>
                <SelectField
                  label={t('fg.request.decision')}
                  required
                  value={decision()}
                  onChange={(e) => setDecision(e.currentTarget.value as (typeof decisions)[number])}
                  options={decisions.map((d) => ({ value: d, label: t(`fg.decision.${d}` as TextKey) }))}
                />
                <TextAreaField
                  label={t('fg.request.decisionNote')}
                  optional
                  rows={2}
                  value={note()}
                  onInput={(e) => setNote(e.currentTarget.value)}
                  error={decide.field('note')}
                />
                <Show when={decide.error()}>
                  <Alert kind="error">{decide.error()}</Alert>
                </Show>
                <div class="row">
                  <Button type="submit" variant="primary" busy={decide.busy()}>
                    {t('fg.request.decide')}
                  </Button>
                </div>
              </form>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
