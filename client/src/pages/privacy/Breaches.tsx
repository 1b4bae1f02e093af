// The FG's register of data breaches (art. 22, P10): every incident with its two clocks, and per
// incident the assessment — the AP form's fields, the partners informed, the decisions.
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show, untrack } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, t, type TextKey } from '../../i18n';
import { ActionForm } from '../../components/ActionForm';
import { Alert, Button, CheckboxField, SelectField, Status, TextAreaField, TextField } from '../../components/Form';
import { fromLocalInput, toLocalInput } from '../../lib/dates';
import { DataTable } from '../../components/DataTable';

type Breach = Awaited<ReturnType<typeof api.breaches.list.query>>[number];
type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export function ClockText(props: { state: Breach['partnersClock']; by: string }) {
  const tone = () => (props.state === 'overdue' ? 'danger' : props.state === 'running' ? 'warning' : 'ok');
  return <Status tone={tone()}>{t(`breaches.clock.${props.state}` as TextKey, { by: formatDateTime(props.by) })}</Status>;
}

export default function Breaches() {
  const [list, { refetch }] = createResource(() => api.breaches.list.query());
  const [partners] = createResource(() => api.partners.list.query());
  const [open, setOpen] = createSignal<number | null>(null);
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('breaches.title')}
      </h1>
      <p class="utrecht-paragraph">{t('breaches.intro')}</p>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/datalek-melden">
          {t('breaches.report')}
        </A>
      </p>
      <DataTable
        caption={t('breaches.caption')}
        resource={list}
        empty={t('breaches.none')}
        columns={[
          { header: t('breaches.discoveredAt'), cell: (b) => formatDateTime(b.discoveredAt) },
          {
            header: t('breaches.description'),
            cell: (b) => (
              <>
                <Show when={b.origin === 'audit_chain'}>
                  <strong>{t('breaches.origin.audit_chain')}</strong>
                  <br />
                </Show>{' '}
                {b.description}
              </>
            ),
          },
          {
            header: t('breaches.partnersClock'),
            cell: (b) => (
              <>
                <ClockText state={b.partnersClock} by={b.partnersBy} />
              </>
            ),
          },
          {
            header: t('breaches.authorityClock'),
            cell: (b) => (
              <>
                <ClockText state={b.authorityClock} by={b.authorityBy} />{' '}
                <span class="muted">{t(`breaches.law.${b.authorityLaw}` as TextKey)}</span>
              </>
            ),
          },
          {
            header: t('breaches.status'),
            cell: (b) => (
              <>
                {t(`breaches.status.${b.status}` as TextKey)}{' '}
                <Button variant="subtle" aria-expanded={open() === b.id} onClick={() => setOpen(open() === b.id ? null : b.id)}>
                  {' '}
                  {t('breaches.manage')}
                  <span class="visually-hidden"> {t('breaches.details', { id: b.id })}</span>{' '}
                </Button>
              </>
            ),
          },
        ]}
      />
      <Show when={list()?.find((b) => b.id === open())}>
        {(b) => <Manage breach={b()} partners={partners() ?? []} onSaved={() => void refetch()} />}
      </Show>
    </section>
  );
}

function Manage(props: { breach: Breach; partners: Partner[]; onSaved: () => void }) {
  // The form starts from the breach as loaded; the FG's edits are the form's own state.
  const b = untrack(() => props.breach);
  const [f, setF] = createSignal({
    status: b.status,
    policeData: b.policeData,
    nature: b.nature ?? '',
    dataCategories: b.dataCategories,
    personsAffected: b.personsAffected?.toString() ?? '',
    recordsAffected: b.recordsAffected?.toString() ?? '',
    consequences: b.consequences,
    measuresTaken: b.measuresTaken,
    measuresProposed: b.measuresProposed,
    contact: b.contact,
    authorityReportedAt: toLocalInput(b.authorityReportedAt),
    authorityReference: b.authorityReference ?? '',
    authorityNotRequiredReason: b.authorityNotRequiredReason ?? '',
    subjectsDecision: b.subjectsDecision ?? '',
    subjectsDecisionReason: b.subjectsDecisionReason ?? '',
    consultation: b.consultation,
    consultedOn: b.consultedOn ?? '',
    partnerIds: b.partners.map((p) => p.partnerId),
  });
  const set = <K extends keyof ReturnType<typeof f>>(key: K, value: ReturnType<typeof f>[K]) => setF({ ...f(), [key]: value });
  const [saved, setSaved] = createSignal(false);
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const save = createAction(async () => {
    setSaved(false);
    const v = f();
    await api.breaches.update.mutate({
      id: b.id,
      version: b.version,
      status: v.status,
      policeData: v.policeData,
      nature: (v.nature || null) as Breach['nature'],
      dataCategories: v.dataCategories,
      personsAffected: num(v.personsAffected),
      recordsAffected: num(v.recordsAffected),
      consequences: v.consequences,
      measuresTaken: v.measuresTaken,
      measuresProposed: v.measuresProposed,
      contact: v.contact,
      authorityReportedAt: v.authorityReportedAt ? fromLocalInput(v.authorityReportedAt) : null,
      authorityReference: v.authorityReference || null,
      authorityNotRequiredReason: v.authorityNotRequiredReason || null,
      subjectsDecision: (v.subjectsDecision || null) as Breach['subjectsDecision'],
      subjectsDecisionReason: v.subjectsDecisionReason || null,
      consultation: v.consultation,
      consultedOn: v.consultedOn || null,
      partnerIds: v.partnerIds,
    });
    setSaved(true);
    props.onSaved();
  });
  const inform = createAction(async (partnerId: number) => {
    await api.breaches.partnerInformed.mutate({ id: b.id, partnerId, informedAt: new Date().toISOString() });
    props.onSaved();
  });
  const informed = (partnerId: number) => b.partners.find((p) => p.partnerId === partnerId);
  return (
    <section class="card stack" aria-labelledby="breach-manage-title">
      <h2 class="utrecht-heading-2" id="breach-manage-title">
        {t('breaches.details', { id: b.id })}
      </h2>
      <p class="utrecht-paragraph muted">{t('breaches.reportedBy', { name: b.reportedBy ?? '—', at: formatDateTime(b.reportedAt) })}</p>
      <h3 class="utrecht-heading-3">{t('breaches.partners')}</h3>
      <ul class="stack">
        <For each={props.partners}>
          {(p) => (
            <li class="row">
              <CheckboxField
                label={p.name}
                checked={f().partnerIds.includes(p.id)}
                onChange={(on) => set('partnerIds', on ? [...f().partnerIds, p.id] : f().partnerIds.filter((id) => id !== p.id))}
              />
              <Show
                when={informed(p.id)?.informedAt}
                fallback={
                  <Show when={f().partnerIds.includes(p.id)}>
                    <span class="muted">{t('breaches.notInformed')}</span>
                    <Button variant="subtle" busy={inform.busy()} onClick={() => void inform.run(p.id)}>
                      {t('breaches.markInformed')}
                      <span class="visually-hidden"> — {p.name}</span>
                    </Button>
                  </Show>
                }
              >
                <span>
                  {t('breaches.informedAt')}: {formatDateTime(informed(p.id)!.informedAt)}
                  {informed(p.id)!.informedBy ? ` (${informed(p.id)!.informedBy})` : ''}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={inform.error()}>
        <Alert kind="error">{inform.error()}</Alert>
      </Show>
      <ActionForm action={save} onSubmit={() => void save.run()}>
        <SelectField
          name="status"
          label={t('breaches.status')}
          value={f().status}
          onChange={(e) => set('status', e.currentTarget.value as Breach['status'])}
          options={(['gemeld', 'in_behandeling', 'afgesloten'] as const).map((s) => ({
            value: s,
            label: t(`breaches.status.${s}` as TextKey),
          }))}
        />
        <CheckboxField label={t('breaches.policeData')} checked={f().policeData} onChange={(on) => set('policeData', on)} />
        <SelectField
          name="nature"
          label={t('breaches.nature')}
          optional
          value={f().nature}
          placeholder={t('breaches.choose')}
          onChange={(e) => set('nature', e.currentTarget.value as never)}
          options={(['vertrouwelijkheid', 'integriteit', 'beschikbaarheid'] as const).map((s) => ({
            value: s,
            label: t(`breaches.nature.${s}` as TextKey),
          }))}
        />
        <TextField
          name="dataCategories"
          label={t('breaches.dataCategories')}
          optional
          value={f().dataCategories}
          onInput={(e) => set('dataCategories', e.currentTarget.value)}
        />
        <div class="row">
          <TextField
            name="personsAffected"
            label={t('breaches.personsAffected')}
            optional
            type="number"
            min="0"
            value={f().personsAffected}
            onInput={(e) => set('personsAffected', e.currentTarget.value)}
          />
          <TextField
            name="recordsAffected"
            label={t('breaches.recordsAffected')}
            optional
            type="number"
            min="0"
            value={f().recordsAffected}
            onInput={(e) => set('recordsAffected', e.currentTarget.value)}
          />
        </div>
        <TextAreaField
          name="consequences"
          label={t('breaches.consequences')}
          optional
          rows={2}
          value={f().consequences}
          onInput={(e) => set('consequences', e.currentTarget.value)}
        />
        <TextAreaField
          name="measuresTaken"
          label={t('breaches.measuresTaken')}
          optional
          rows={2}
          value={f().measuresTaken}
          onInput={(e) => set('measuresTaken', e.currentTarget.value)}
        />
        <TextAreaField
          name="measuresProposed"
          label={t('breaches.measuresProposed')}
          optional
          rows={2}
          value={f().measuresProposed}
          onInput={(e) => set('measuresProposed', e.currentTarget.value)}
        />
        <TextField
          name="contact"
          label={t('breaches.contact')}
          optional
          value={f().contact}
          onInput={(e) => set('contact', e.currentTarget.value)}
        />
        <div class="row">
          <TextField
            name="authorityReportedAt"
            label={t('breaches.authorityReportedAt')}
            optional
            type="datetime-local"
            value={f().authorityReportedAt}
            onInput={(e) => set('authorityReportedAt', e.currentTarget.value)}
          />
          <TextField
            name="authorityReference"
            label={t('breaches.authorityReference')}
            optional
            value={f().authorityReference}
            onInput={(e) => set('authorityReference', e.currentTarget.value)}
          />
        </div>
        <TextAreaField
          name="authorityNotRequiredReason"
          label={t('breaches.authorityNotRequired')}
          optional
          rows={2}
          value={f().authorityNotRequiredReason}
          onInput={(e) => set('authorityNotRequiredReason', e.currentTarget.value)}
        />
        <SelectField
          name="subjectsDecision"
          label={t('breaches.subjectsDecision')}
          optional
          value={f().subjectsDecision}
          placeholder={t('breaches.choose')}
          onChange={(e) => set('subjectsDecision', e.currentTarget.value as never)}
          options={(['informeren', 'niet_informeren'] as const).map((s) => ({ value: s, label: t(`breaches.subjects.${s}` as TextKey) }))}
        />
        <TextAreaField
          name="subjectsDecisionReason"
          label={t('breaches.subjectsReason')}
          optional
          rows={2}
          value={f().subjectsDecisionReason}
          onInput={(e) => set('subjectsDecisionReason', e.currentTarget.value)}
        />
        <TextAreaField
          name="consultation"
          label={t('breaches.consultation')}
          optional
          rows={2}
          value={f().consultation}
          onInput={(e) => set('consultation', e.currentTarget.value)}
        />
        <TextField
          name="consultedOn"
          label={t('breaches.consultedOn')}
          optional
          type="date"
          value={f().consultedOn}
          onInput={(e) => set('consultedOn', e.currentTarget.value)}
        />
        <Show when={saved()}>
          <Alert kind="ok">{t('breaches.saved')}</Alert>
        </Show>
        <div class="row">
          <Button type="submit" variant="primary" busy={save.busy()}>
            {t('breaches.save')}
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}
