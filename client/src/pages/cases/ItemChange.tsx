// P12 (BIT art. 6.7, AVG art. 16–18): the provider of an item (or the coordinator on its behalf)
// corrects, restricts, lifts or erases it, always with a reason. Erasing asks for confirmation.
// The server decides who may; this only offers the form to whom it will accept.
import { createSignal, Show, untrack } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { categoryLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import { confirmDialog } from '../../components/ConfirmDialog';

type Item = { id: string; category: string; value: string; masked: boolean; sourcePartnerId: number; restricted: boolean; erased: boolean };
type Kind = 'correct' | 'restrict' | 'lift' | 'erase';

export function mayChangeItem(item: Item): boolean {
  return !item.erased && (hasRole('coordinator') || (hasRole('member') && me()?.partnerId === item.sourcePartnerId));
}

export function ItemChange(props: { item: Item; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<Kind>('correct');
  // The form starts from the value as loaded (empty when masked); edits are the form's own state.
  const [value, setValue] = createSignal(untrack(() => (props.item.masked ? '' : props.item.value)));
  const [reason, setReason] = createSignal('');
  const category = () => categoryLabel(props.item.category);
  const apply = createAction(async () => {
    const itemId = props.item.id;
    let result: { notified: number };
    let done: 'correctie' | 'verwijdering' | 'beperking' | 'opheffing';
    if (kind() === 'erase') {
      const ok = await confirmDialog({
        title: t('item.eraseTitle'),
        body: t('item.eraseBody'),
        confirm: t('item.eraseConfirm'),
        danger: true,
      });
      if (!ok) return;
      result = await api.subjects.eraseItem.mutate({ itemId, reason: reason() });
      done = 'verwijdering';
    } else if (kind() === 'restrict') {
      result = await api.subjects.restrictItem.mutate({ itemId, reason: reason() });
      done = 'beperking';
    } else if (kind() === 'lift') {
      result = await api.subjects.liftRestriction.mutate({ itemId, reason: reason() });
      done = 'opheffing';
    } else {
      result = await api.subjects.correctItem.mutate({ itemId, value: value(), reason: reason() });
      done = 'correctie';
    }
    setOpen(false);
    props.onChange(t(`item.done.${done}`, { n: result.notified }));
  });
  const headingId = () => `item-change-${props.item.id}`;
  return (
    <>
      <Show when={!open()}>
        {' '}
        <Button variant="subtle" aria-label={t('item.changeLabel', { category: category() })} onClick={() => setOpen(true)}>
          {t('item.change')}
        </Button>
      </Show>
      <Show when={open()}>
        <form
          class="card stack"
          aria-labelledby={headingId()}
          onSubmit={(e) => {
            e.preventDefault();
            void apply.run();
          }}
        >
          <h3 class="utrecht-heading-3" id={headingId()} tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
            {t('item.changeTitle', { category: category() })}
          </h3>
          <p class="utrecht-paragraph">{t('item.changeHint')}</p>
          <Show when={apply.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <SelectField
            label={t('item.action')}
            name="action"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            options={[
              { value: 'correct', label: t('item.action.correct') },
              props.item.restricted
                ? { value: 'lift', label: t('item.action.lift') }
                : { value: 'restrict', label: t('item.action.restrict') },
              { value: 'erase', label: t('item.action.erase') },
            ]}
          />
          <Show when={kind() === 'correct'}>
            <TextField
              label={t('item.newValue')}
              name="value"
              value={value()}
              onInput={(e) => setValue(e.currentTarget.value)}
              error={apply.field('value')}
              autocomplete="off"
            />
          </Show>
          <TextField
            label={t('item.reason')}
            name="reason"
            description={t('freeText.hint')}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            error={apply.field('reason')}
            autocomplete="off"
          />
          <div class="inline-form">
            <Button type="submit" variant={kind() === 'erase' ? 'danger' : 'primary'} busy={apply.busy()}>
              {t('item.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
    </>
  );
}
