// A new betrokkene with its first items, from one source partner.
import { createSignal, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t } from '../../../i18n';
import { Button, SelectField } from '../../../components/Form';
import { ActionForm } from '../../../components/ActionForm';
import { createItemsForm, ItemRows, ItemWarnings } from '../SubjectItemsForm';
import type { Casus, OnChange, Partner } from './types';

export function AddSubject(props: { casus: Casus; partners: Partner[]; onChange: OnChange }) {
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<'person' | 'company'>('person');
  const form = createItemsForm();
  const add = createAction(async () => {
    const result = await api.subjects.add.mutate({
      caseId: props.casus.id,
      kind: kind(),
      sourcePartnerId: form.sourcePartnerId(),
      items: form.values(),
    });
    form.done(result.warnings);
    setOpen(false);
    props.onChange(t('subjects.added'));
  });
  return (
    <div>
      <ItemWarnings form={form} />
      <Show when={open()} fallback={<Button onClick={() => setOpen(true)}>{t('subjects.add')}</Button>}>
        <ActionForm action={add} onSubmit={() => void add.run()} class="card stack" aria-labelledby="add-subject-heading">
          <h3 class="utrecht-heading-3" id="add-subject-heading">
            {t('subjects.add')}
          </h3>
          <SelectField
            label={t('subjects.kind')}
            name="kind"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as 'person')}
            options={[
              { value: 'person', label: t('subjects.person') },
              { value: 'company', label: t('subjects.company') },
            ]}
          />
          <ItemRows form={form} partners={props.partners} />
          <div class="inline-form">
            <Button onClick={form.addRow}>{t('subjects.addItem')}</Button>
            <Button type="submit" variant="primary" busy={add.busy()}>
              {t('subjects.add')}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </ActionForm>
      </Show>
    </div>
  );
}
