// Quick capture during the overleg: a werkafspraak for the current casus or a task, without
// leaving the chair screen (Ctrl+Enter submits).
import { createEffect, createSignal, on, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t, today } from '../../../i18n';
import { Alert, Button, SelectField, TextAreaField, TextField } from '../../../components/Form';
import { SubjectPicker } from '../../../components/SubjectPicker';
import { partnerOption } from '../../../lib/partners';
import type { LiveSnapshot } from '../live';

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export function QuickCapture(props: {
  snapshot: LiveSnapshot;
  partners: Partner[];
  refs: { agreement: (el: HTMLTextAreaElement) => void; task: (el: HTMLInputElement) => void };
}) {
  const item = () => props.snapshot.current?.item ?? null;
  const casus = () => props.snapshot.current?.casus ?? null;
  const active = () => props.partners.filter((p) => p.active);
  const options = () => active().map(partnerOption);
  const [flash, setFlash] = createSignal<string | null>(null);

  const [agreementText, setAgreementText] = createSignal('');
  const [responsible, setResponsible] = createSignal('');
  const [subjectIds, setSubjectIds] = createSignal<string[]>([]);
  createEffect(
    on(
      () => casus()?.id,
      () => {
        setResponsible(casus() ? String(casus()!.gemeentePartnerId) : '');
        setSubjectIds([]);
      },
    ),
  );
  const agreement = createAction(() =>
    api.agreements.create.mutate({
      caseId: casus()!.id,
      text: agreementText(),
      responsiblePartnerId: Number(responsible()),
      meetingId: props.snapshot.meeting.id,
      agendaItemId: item()?.id ?? null,
      subjectIds: subjectIds(),
    }),
  );

  const [taskTitle, setTaskTitle] = createSignal('');
  const [assignee, setAssignee] = createSignal('');
  const [due, setDue] = createSignal(today(14));
  const task = createAction(() =>
    api.tasks.create.mutate({
      title: taskTitle(),
      assigneePartnerId: Number(assignee()),
      dueDate: due(),
      meetingId: props.snapshot.meeting.id,
      agendaItemId: item()?.id ?? null,
      caseId: casus()?.id ?? null,
    }),
  );

  // createAction shows a failure on the form; success clears it and says what was added.
  const addAgreement = async () => {
    if (!casus()) return;
    if (await agreement.run()) {
      setAgreementText('');
      setSubjectIds([]);
      setFlash(t('chair.agreementAdded'));
    }
  };
  const addTask = async () => {
    const partner = props.partners.find((p) => p.id === Number(assignee()));
    if (await task.run()) {
      setTaskTitle('');
      setDue(today(14));
      setFlash(t('chair.taskAdded', { partner: partner?.name ?? '' }));
    }
  };

  const submitOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.currentTarget as HTMLFormElement).requestSubmit();
    }
  };

  return (
    <section class="card stack" aria-labelledby="capture-title">
      <h2 class="utrecht-heading-2" id="capture-title">
        {t('chair.capture')}
      </h2>
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <div class="capture-grid">
        <form
          class="stack"
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            void addAgreement();
          }}
        >
          <h3 class="utrecht-heading-3">
            {t('chair.captureAgreement')} <kbd>Alt+W</kbd>
          </h3>
          <Show when={casus()} fallback={<p class="utrecht-paragraph muted">{t('chair.needsCase')}</p>}>
            <Show when={agreement.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
            <TextAreaField
              ref={props.refs.agreement}
              label={t('chair.agreementText')}
              rows={2}
              required
              value={agreementText()}
              onInput={(e) => setAgreementText(e.currentTarget.value)}
              error={agreement.field('text')}
            />
            <SelectField
              label={t('chair.responsible')}
              description={t('chair.partnerHelp')}
              required
              value={responsible()}
              placeholder=""
              onChange={(e) => setResponsible(e.currentTarget.value)}
              options={options()}
              error={agreement.field('responsiblePartnerId')}
            />
            <SubjectPicker subjects={casus()!.subjects} selected={subjectIds()} onChange={setSubjectIds} />
            <Button type="submit" variant="primary" busy={agreement.busy()}>
              {t('chair.addAgreement')}
            </Button>
          </Show>
        </form>
        <form
          class="stack"
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            void addTask();
          }}
        >
          <h3 class="utrecht-heading-3">
            {t('chair.captureTask')} <kbd>Alt+T</kbd>
          </h3>
          <Show when={task.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
          <TextField
            ref={props.refs.task}
            label={t('chair.taskTitle')}
            required
            value={taskTitle()}
            onInput={(e) => setTaskTitle(e.currentTarget.value)}
            error={task.field('title')}
          />
          <SelectField
            label={t('chair.assignee')}
            description={t('chair.partnerHelp')}
            required
            value={assignee()}
            placeholder=""
            onChange={(e) => setAssignee(e.currentTarget.value)}
            options={options()}
            error={task.field('assigneePartnerId')}
          />
          <TextField
            label={t('chair.due')}
            type="date"
            required
            value={due()}
            onInput={(e) => setDue(e.currentTarget.value)}
            error={task.field('dueDate')}
          />
          <Button type="submit" variant="primary" busy={task.busy()}>
            {t('chair.addTask')}
          </Button>
        </form>
      </div>
    </section>
  );
}
