import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { originLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Alert, Button, CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Form';

const origins = ['eigen_waarneming', 'melding', 'avo_verzoek'] as const;

export default function NewCase() {
  const navigate = useNavigate();
  const [partners] = createResource(() => api.partners.list.query());
  const [themes] = createResource(() => api.cases.themes.query());
  const gemeenten = () => (partners() ?? []).filter((p) => p.kind === 'gemeente' && p.active);
  const ownGemeente = () => gemeenten().find((g) => g.id === me()?.partnerId);
  const [form, setForm] = createStore({
    gemeentePartnerId: '', street: '', houseNumber: '', houseNumberAddition: '', postcode: '', city: '', bagId: '',
    theme: '', origin: 'eigen_waarneming' as (typeof origins)[number], description: '',
  });
  const [active, setActive] = createSignal(false);
  const gemeente = () => form.gemeentePartnerId || (ownGemeente() ? String(ownGemeente()!.id) : '');
  const create = createAction(async () => {
    const created = await api.cases.create.mutate({
      gemeentePartnerId: Number(gemeente()) || 0,
      street: form.street,
      houseNumber: Number(form.houseNumber) || 0,
      houseNumberAddition: form.houseNumberAddition || null,
      postcode: form.postcode,
      city: form.city,
      bagId: form.bagId || null,
      theme: Number(form.theme) || 0,
      origin: form.origin,
      description: form.description,
      status: active() ? 'actief' : 'signaal',
    });
    navigate(`/casussen/${created.id}`);
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('cases.new.title')}</h1>
      <p class="utrecht-paragraph">{t('cases.new.intro')}</p>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); void create.run(); }} novalidate>
        <Show when={create.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <SelectField label={t('cases.filterGemeente')} value={gemeente()} placeholder={t('cases.chooseGemeente')}
          onChange={(e) => setForm('gemeentePartnerId', e.currentTarget.value)} options={gemeenten().map((g) => ({ value: g.id, label: g.name }))}
          error={create.field('gemeentePartnerId')} />
        <div class="row">
          <TextField label={t('cases.street')} value={form.street} onInput={(e) => setForm('street', e.currentTarget.value)} error={create.field('street')} autocomplete="off" />
          <TextField label={t('cases.houseNumber')} inputmode="numeric" value={form.houseNumber} onInput={(e) => setForm('houseNumber', e.currentTarget.value)} error={create.field('houseNumber')} />
          <TextField label={t('cases.addition')} optional value={form.houseNumberAddition} onInput={(e) => setForm('houseNumberAddition', e.currentTarget.value)} error={create.field('houseNumberAddition')} />
        </div>
        <div class="row">
          <TextField label={t('cases.postcode')} description={t('cases.postcodeHint')} value={form.postcode} onInput={(e) => setForm('postcode', e.currentTarget.value)} error={create.field('postcode')} autocomplete="off" />
          <TextField label={t('cases.city')} value={form.city} onInput={(e) => setForm('city', e.currentTarget.value)} error={create.field('city')} />
        </div>
        <TextField label={t('cases.bagId')} description={t('cases.bagHint')} optional inputmode="numeric" value={form.bagId} onInput={(e) => setForm('bagId', e.currentTarget.value)} error={create.field('bagId')} />
        <SelectField label={t('cases.theme')} value={form.theme} placeholder={t('cases.chooseTheme')} onChange={(e) => setForm('theme', e.currentTarget.value)}
          options={(themes() ?? []).filter((th) => th.active).map((th) => ({ value: th.id, label: th.name }))} error={create.field('theme')} />
        <SelectField label={t('cases.origin')} value={form.origin} onChange={(e) => setForm('origin', e.currentTarget.value as (typeof origins)[number])}
          options={origins.map((o) => ({ value: o, label: originLabel(o) }))} />
        <TextAreaField label={t('cases.description')} description={t('cases.descriptionHint')} optional rows={4} maxLength={1000}
          value={form.description} onInput={(e) => setForm('description', e.currentTarget.value)} error={create.field('description')} />
        <Show when={hasRole('coordinator')}>
          <CheckboxField label={t('cases.openAsActive')} checked={active()} onChange={setActive} />
        </Show>
        <Button type="submit" variant="primary" busy={create.busy()}>{t('cases.newSignal')}</Button>
      </form>
    </section>
  );
}
