// The coordinator's form for a new task on this casus, optionally under one of its open agreements.
import { createSignal, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t, today } from '../../../i18n';
import { Alert, Button, SelectField, TextField } from '../../../components/Form';
import { pastDateQuestion, withConfirmation } from '../../../components/ConfirmDialog';
import type { Casus, OnChange, Partner } from './types';

export function AddCaseTask(props: { casus: Casus; partners: Partner[]; onChange: OnChange }) {
  const [title, setTitle] = createSignal('');
  const [partner, setPartner] = createSignal('');
  const [due, setDue] = createSignal(today(14));
  const [agreement, setAgreement] = createSignal('');
  const add = createAction(async () => {
    await withConfirmation(
      (confirmPast) =>
        api.tasks.create.mutate({
          title: title(),
          assigneePartnerId: Number(partner()) || 0,
          dueDate: due(),
          caseId: props.casus.id,
          agreementId: agreement() ? Number(agreement()) : null,
          confirmPast,
        }),
      pastDateQuestion,
    );
    setTitle('');
    props.onChange();
  });
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        void add.run();
      }}
    >
      <h3 class="utrecht-heading-3">{t('tasks.add')}</h3>
      <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <TextField label={t('tasks.task')} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={add.field('title')} />
      <div class="row">
        <SelectField
          label={t('tasks.partner')}
          value={partner()}
          placeholder={t('team.choosePartner')}
          onChange={(e) => setPartner(e.currentTarget.value)}
          options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
          error={add.field('assigneePartnerId')}
        />
        <TextField
          label={t('tasks.due')}
          type="date"
          value={due()}
          onInput={(e) => setDue(e.currentTarget.value)}
          error={add.field('dueDate')}
        />
      </div>
      <SelectField
        label={t('tasks.agreement')}
        value={agreement()}
        placeholder={t('tasks.noAgreement')}
        optional
        onChange={(e) => setAgreement(e.currentTarget.value)}
        options={props.casus.agreements.filter((a) => a.status === 'open').map((a) => ({ value: a.id, label: a.text.slice(0, 80) }))}
      />
      <Button type="submit" busy={add.busy()}>
        {t('tasks.add')}
      </Button>
    </form>
  );
}
