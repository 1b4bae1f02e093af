import { createSignal, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t } from '../../../i18n';
import { Button } from '../../../components/Form';
import { ActionForm } from '../../../components/ActionForm';
import { createItemsForm, ItemRows, ItemWarnings } from '../SubjectItemsForm';
import type { OnChange, Partner } from './types';

/** Issue 9.4: a partner adds its data to a betrokkene already there instead of creating "Persoon 2". */
export function AddItems(props: { subjectId: string; n: number; partners: Partner[]; onChange: OnChange }) {
  const [open, setOpen] = createSignal(false);
  const form = createItemsForm();
  let opener: HTMLButtonElement | undefined;
  const add = createAction(async () => {
    const result = await api.subjects.addItems.mutate({
      subjectId: props.subjectId,
      sourcePartnerId: form.sourcePartnerId(),
      items: form.values(),
    });
    form.done(result.warnings);
    setOpen(false);
    props.onChange(t('subjects.itemsAdded'));
  });
  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <div>
      <ItemWarnings form={form} />
      <Show
        when={open()}
        fallback={
          <Button
            variant="subtle"
            ref={(el: HTMLButtonElement) => (opener = el)}
            onClick={() => setOpen(true)}
            aria-label={t('subjects.addItemsLabel', { n: props.n })}
          >
            {t('subjects.addItemsTo')}
          </Button>
        }
      >
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <ActionForm action={add} onSubmit={() => void add.run()} class="card stack" aria-labelledby={`add-items-heading-${props.n}`}>
            <h3 class="utrecht-heading-3" id={`add-items-heading-${props.n}`} tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
              {t('subjects.addItemsTitle', { n: props.n })}
            </h3>
            <ItemRows form={form} partners={props.partners} />
            <div class="inline-form">
              <Button onClick={form.addRow}>{t('subjects.addItem')}</Button>
              <Button type="submit" variant="primary" busy={add.busy()}>
                {t('subjects.addItemsTo')}
              </Button>
              <Button variant="subtle" onClick={close}>
                {t('app.cancel')}
              </Button>
            </div>
          </ActionForm>
        </div>
      </Show>
    </div>
  );
}
