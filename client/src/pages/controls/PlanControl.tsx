// The coordinator plans an integrale controle (date, start time, panden, partners, briefing
// notes), or changes a planned one (/controles/:id/wijzigen, with the version check).
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { t, today } from '../../i18n';
import { Alert, Button, CheckboxField, TextAreaField, TextField } from '../../components/Form';

export default function PlanControl() {
  const navigate = useNavigate();
  const [cases] = createResource(async () => {
    const [active, signals] = await Promise.all([
      api.cases.list.query({ status: 'actief', limit: 100 }),
      api.cases.list.query({ status: 'signaal', limit: 100 }),
    ]);
    return [...active.items, ...signals.items];
  });
  const [partners] = createResource(() => api.partners.list.query());
  const [plannedOn, setPlannedOn] = createSignal(today(7));
  const [startTime, setStartTime] = createSignal('09:00');
  const [notes, setNotes] = createSignal('');
  const [caseIds, setCaseIds] = createSignal<number[]>([]);
  const [partnerIds, setPartnerIds] = createSignal<number[]>([]);
  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const params = useParams<{ id?: string }>();
  const [existing] = createResource(
    () => (params.id ? Number(params.id) : false),
    (id) => api.controls.get.query({ id }),
  );
  createEffect(() => {
    const c = existing();
    if (!c) return;
    setPlannedOn(c.plannedOn);
    setStartTime(c.startTime ?? '');
    setNotes(c.briefingNotes);
    setCaseIds(c.cases.map((x) => x.id));
    setPartnerIds(c.partners.map((p) => p.id));
  });
  const caseOptions = () => {
    const listed = cases() ?? [];
    const extra = (existing()?.cases ?? [])
      .filter((x) => !listed.some((l) => l.id === x.id))
      .map((x) => ({ id: x.id, label: `${x.code} — ${x.address}` }));
    return [
      ...listed.map((c) => ({ id: c.id, label: `${c.code} — ${c.street} ${c.houseNumber}${c.houseNumberAddition ?? ''}, ${c.city}` })),
      ...extra,
    ];
  };
  const save = createAction(async () => {
    const input = {
      plannedOn: plannedOn(),
      startTime: startTime() || null,
      caseIds: caseIds(),
      partnerIds: partnerIds(),
      briefingNotes: notes(),
    };
    const current = existing();
    if (current) {
      await api.controls.update.mutate({ ...input, id: current.id, version: current.version });
      navigate(`/controles/${current.id}`);
    } else {
      const { id } = await api.controls.plan.mutate(input);
      navigate(`/controles/${id}`);
    }
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {params.id ? t('controls.edit') : t('controls.plan')}
      </h1>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <div class="row">
          <TextField
            label={t('controls.date')}
            type="date"
            required
            value={plannedOn()}
            onInput={(e) => setPlannedOn(e.currentTarget.value)}
            error={save.field('plannedOn')}
          />
          <TextField
            label={t('controls.startTime')}
            type="time"
            optional
            value={startTime()}
            onInput={(e) => setStartTime(e.currentTarget.value)}
            error={save.field('startTime')}
          />
        </div>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('controls.cases')}</legend>
          <ul class="checkbox-list">
            <For each={caseOptions()} fallback={<li>{t('app.loading')}</li>}>
              {(c) => (
                <li>
                  <CheckboxField
                    label={c.label}
                    checked={caseIds().includes(c.id)}
                    onChange={(on) => setCaseIds(toggle(caseIds(), c.id, on))}
                  />
                </li>
              )}
            </For>
          </ul>
          <Show when={save.field('caseIds')}>
            <p class="utrecht-form-field-error-message">{save.field('caseIds')}</p>
          </Show>
        </fieldset>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('controls.partners')}</legend>
          <ul class="checkbox-list">
            <For each={(partners() ?? []).filter((p) => p.active)}>
              {(p) => (
                <li>
                  <CheckboxField
                    label={p.name}
                    checked={partnerIds().includes(p.id)}
                    onChange={(on) => setPartnerIds(toggle(partnerIds(), p.id, on))}
                  />
                </li>
              )}
            </For>
          </ul>
          <Show when={save.field('partnerIds')}>
            <p class="utrecht-form-field-error-message">{save.field('partnerIds')}</p>
          </Show>
        </fieldset>
        <TextAreaField
          label={t('controls.briefingNotes')}
          description={t('controls.briefingNotesHint')}
          optional
          rows={4}
          value={notes()}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
        <Show when={save.error()}>
          <Alert kind="error">{save.error()}</Alert>
        </Show>
        <div class="row">
          <Button type="submit" variant="primary" busy={save.busy()}>
            {params.id ? t('app.save') : t('controls.plan')}
          </Button>
        </div>
      </form>
    </section>
  );
}
