// The rows of personal data items in a form: used to record a new betrokkene and to add a
// partner's data to an existing one (issue 9.4). The coordinator names the source partner.
import { createSignal, Index, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { categoryLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import { itemCategories as categories, type ItemCategory as Category } from '../../../../db/schema/enums';

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];
const emptyRow = () => ({ category: 'naw' as Category, value: '', legalGround: '' });

export function createItemsForm() {
  const [items, setItems] = createStore([emptyRow()]);
  const [source, setSource] = createSignal('');
  const [warning, setWarning] = createSignal<string | null>(null);
  return {
    items,
    setItems,
    source,
    setSource,
    warning,
    addRow: () => setItems(items.length, emptyRow()),
    removeRow: (index: number) => setItems(produce((list) => list.splice(index, 1))),
    sourcePartnerId: () => (hasRole('coordinator') ? Number(source()) || null : null),
    values: () => items.map((i) => ({ category: i.category, value: i.value, legalGround: i.legalGround || null })),
    /** Warnings don't block (e.g. a foreign licence plate); they are shown once saved. */
    done(warnings: { index: number }[]) {
      setWarning(warnings.length ? warnings.map((w) => t('subjects.warning.foreignKenteken', { index: w.index + 1 })).join(' ') : null);
      setItems([emptyRow()]);
    },
  };
}

export type ItemsForm = ReturnType<typeof createItemsForm>;

export function ItemWarnings(props: { form: ItemsForm }) {
  return <Show when={props.form.warning()}>{(w) => <Alert kind="warning">{t('subjects.warnings', { text: w() })}</Alert>}</Show>;
}

export function ItemRows(props: { form: ItemsForm; partners: Partner[] }) {
  const f = () => props.form;
  return (
    <>
      <Show when={hasRole('coordinator')}>
        <SelectField
          label={t('subjects.sourcePartner')}
          name="sourcePartnerId"
          description={t('subjects.sourceHint')}
          value={f().source()}
          placeholder={t('team.choosePartner')}
          onChange={(e) => f().setSource(e.currentTarget.value)}
          options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Show>
      <Index each={f().items}>
        {(item, index) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t('subjects.item', { n: index + 1 })}</legend>
            <div class="row">
              <SelectField
                label={t('subjects.category')}
                name={`items.${index}.category`}
                value={item().category}
                onChange={(e) => f().setItems(index, 'category', e.currentTarget.value as Category)}
                options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
              />
              <TextField
                label={t('subjects.value')}
                name={`items.${index}.value`}
                value={item().value}
                onInput={(e) => f().setItems(index, 'value', e.currentTarget.value)}
                autocomplete="off"
              />
              <Show when={item().category === 'bsn'}>
                <TextField
                  label={t('subjects.legalGround')}
                  name={`items.${index}.legalGround`}
                  value={item().legalGround}
                  onInput={(e) => f().setItems(index, 'legalGround', e.currentTarget.value)}
                  autocomplete="off"
                />
              </Show>
              <Show when={f().items.length > 1}>
                <Button variant="subtle" onClick={() => f().removeRow(index)}>
                  {t('subjects.removeItem', { n: index + 1 })}
                </Button>
              </Show>
            </div>
          </fieldset>
        )}
      </Index>
    </>
  );
}
