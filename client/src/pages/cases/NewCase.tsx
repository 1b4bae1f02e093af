import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { originLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Button, CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Form';
import { ActionForm } from '../../components/ActionForm';
import { caseOrigins as origins } from '../../../../db/schema/enums';

export default function NewCase() {
  const navigate = useNavigate();
  const [partners] = createResource(() => api.partners.list.query());
  const [themes] = createResource(() => api.cases.themes.query());
  const gemeenten = () => (partners() ?? []).filter((p) => p.kind === 'gemeente' && p.active);
  const ownGemeente = () => gemeenten().find((g) => g.id === me()?.partnerId);
  const [form, setForm] = createStore<
    Record<
      'gemeentePartnerId' | 'street' | 'houseNumber' | 'houseNumberAddition' | 'postcode' | 'city' | 'bagId' | 'theme' | 'description',
      string
    > & { origin: (typeof origins)[number] }
  >({
    gemeentePartnerId: '',
    street: '',
    houseNumber: '',
    houseNumberAddition: '',
    postcode: '',
    city: '',
    bagId: '',
    theme: '',
    origin: 'eigen_waarneming',
    description: '',
  });
  const [active, setActive] = createSignal(false);
  const gemeente = () => form.gemeentePartnerId || (ownGemeente() ? String(ownGemeente()!.id) : '');
  const create = createAction(async () => {
    const created = await api.cases.create.mutate({
      gemeentePartnerId: Number(gemeente()) || 0,
      street: form.street,
      // As typed: the server reads "12a" and "12-2" as number and addition.
      houseNumber: form.houseNumber,
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
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('cases.new.title')}
      </h1>
      <p class="utrecht-paragraph">{t('cases.new.intro')}</p>
      <ActionForm action={create} onSubmit={() => void create.run()}>
        <SelectField
          label={t('cases.filterGemeente')}
          name="gemeentePartnerId"
          value={gemeente()}
          placeholder={t('cases.chooseGemeente')}
          onChange={(e) => setForm('gemeentePartnerId', e.currentTarget.value)}
          options={gemeenten().map((g) => ({ value: g.id, label: g.name }))}
        />
        <div class="row">
          <TextField
            label={t('cases.street')}
            name="street"
            value={form.street}
            onInput={(e) => setForm('street', e.currentTarget.value)}
            autocomplete="off"
          />
          <TextField
            label={t('cases.houseNumber')}
            name="houseNumber"
            value={form.houseNumber}
            onInput={(e) => setForm('houseNumber', e.currentTarget.value)}
            autocomplete="off"
          />
          <TextField
            label={t('cases.addition')}
            name="houseNumberAddition"
            optional
            value={form.houseNumberAddition}
            onInput={(e) => setForm('houseNumberAddition', e.currentTarget.value)}
          />
        </div>
        <div class="row">
          <TextField
            label={t('cases.postcode')}
            name="postcode"
            description={t('cases.postcodeHint')}
            value={form.postcode}
            onInput={(e) => setForm('postcode', e.currentTarget.value)}
            autocomplete="off"
          />
          <TextField label={t('cases.city')} name="city" value={form.city} onInput={(e) => setForm('city', e.currentTarget.value)} />
        </div>
        <TextField
          label={t('cases.bagId')}
          name="bagId"
          description={t('cases.bagHint')}
          optional
          inputmode="numeric"
          value={form.bagId}
          onInput={(e) => setForm('bagId', e.currentTarget.value)}
        />
        <SelectField
          label={t('cases.theme')}
          name="theme"
          value={form.theme}
          placeholder={t('cases.chooseTheme')}
          onChange={(e) => setForm('theme', e.currentTarget.value)}
          options={(themes() ?? []).filter((th) => th.active).map((th) => ({ value: th.id, label: th.name }))}
        />
        <SelectField
          label={t('cases.origin')}
          name="origin"
          value={form.origin}
          onChange={(e) => setForm('origin', e.currentTarget.value as (typeof origins)[number])}
          options={origins.map((o) => ({ value: o, label: originLabel(o) }))}
        />
        <TextAreaField
          label={t('cases.description')}
          name="description"
          description={t('cases.descriptionHint')}
          optional
          rows={4}
          maxLength={1000}
          value={form.description}
          onInput={(e) => setForm('description', e.currentTarget.value)}
        />
        <Show when={hasRole('coordinator')}>
          <CheckboxField label={t('cases.openAsActive')} checked={active()} onChange={setActive} />
        </Show>
        <Button type="submit" variant="primary" busy={create.busy()}>
          {t('cases.newSignal')}
        </Button>
      </ActionForm>
    </section>
  );
}
