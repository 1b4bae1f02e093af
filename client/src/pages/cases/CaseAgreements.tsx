// Werkafspraken of a pand (art. 2.7): recorded, corrected (text, responsible partner), carried out
// or lapsed with a reason — each change in the werkafspraak's own change log (issue 9.3).
import { createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { agreementStatusLabel } from '../../lib/labels';
import { t } from '../../i18n';
import { Alert, Button, SelectField, TextAreaField, TextField } from '../../components/Form';
import { ChangeLog } from '../../components/ChangeLog';
import { SubjectPicker } from '../../components/SubjectPicker';

type Casus = Awaited<ReturnType<typeof api.cases.get.query>>;
type Agreement = Casus['agreements'][number];
type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export function CaseAgreements(props: {
  casus: Casus;
  partners: Partner[];
  partnerName: Map<number, string>;
  onChange: (m?: string) => void;
}) {
  const [text, setText] = createSignal('');
  const [responsible, setResponsible] = createSignal('');
  const [subjectIds, setSubjectIds] = createSignal<string[]>([]);
  const add = createAction(async () => {
    await api.agreements.create.mutate({
      caseId: props.casus.id,
      text: text(),
      responsiblePartnerId: Number(responsible()) || 0,
      subjectIds: subjectIds(),
    });
    setText('');
    setSubjectIds([]);
    props.onChange();
  });
  const markDone = createAction(async (a: Agreement) => {
    await api.agreements.setStatus.mutate({ id: a.id, status: 'uitgevoerd', version: a.version });
    props.onChange();
  });
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('agreements.title')}</h2>
      <Show when={markDone.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.casus.agreements.length > 0} fallback={<p class="utrecht-paragraph">{t('agreements.none')}</p>}>
        <ul class="task-list">
          <For each={props.casus.agreements}>
            {(a) => (
              <li data-testid="case-agreement">
                <p class="utrecht-paragraph">{a.text}</p>
                <p class="utrecht-paragraph">
                  {t('agreements.responsible')}: {props.partnerName.get(a.responsiblePartnerId)} · {agreementStatusLabel(a.status)}
                </p>
                <Show when={a.status === 'vervallen' && a.lapseReason}>
                  <p class="utrecht-paragraph muted">{t('taskEdit.lapsedBecause', { reason: a.lapseReason! })}</p>
                </Show>
                <ChangeLog changes={a.changes} />
                <Show when={hasRole('coordinator') && a.status === 'open'}>
                  <AgreementEditor
                    agreement={a}
                    partners={props.partners}
                    onChange={props.onChange}
                    onDone={() => void markDone.run(a)}
                    busy={markDone.busy()}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={hasRole('coordinator') && props.casus.status !== 'ingetrokken'}>
        <form
          class="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <h3 class="utrecht-heading-3">{t('agreements.add')}</h3>
          <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField
            label={t('agreements.text')}
            rows={2}
            maxLength={2000}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            error={add.field('text')}
          />
          <SelectField
            label={t('agreements.responsible')}
            value={responsible()}
            placeholder={t('team.choosePartner')}
            onChange={(e) => setResponsible(e.currentTarget.value)}
            options={props.partners.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
            error={add.field('responsiblePartnerId')}
          />
          <SubjectPicker subjects={props.casus.subjects} selected={subjectIds()} onChange={setSubjectIds} />
          <Button type="submit" busy={add.busy()}>
            {t('agreements.add')}
          </Button>
        </form>
      </Show>
    </section>
  );
}

function AgreementEditor(props: {
  agreement: Agreement;
  partners: Partner[];
  onChange: (m?: string) => void;
  onDone: () => void;
  busy: boolean;
}) {
  const [mode, setMode] = createSignal<'idle' | 'edit' | 'lapse'>('idle');
  const [text, setText] = createSignal('');
  const [partner, setPartner] = createSignal('');
  const [reason, setReason] = createSignal('');
  let opener: HTMLButtonElement | undefined;
  const open = (next: 'edit' | 'lapse') => {
    setText(props.agreement.text);
    setPartner(String(props.agreement.responsiblePartnerId));
    setReason('');
    save.reset();
    lapse.reset();
    setMode(next);
  };
  const close = () => {
    setMode('idle');
    queueMicrotask(() => opener?.focus());
  };
  const save = createAction(async () => {
    await api.agreements.update.mutate({
      id: props.agreement.id,
      version: props.agreement.version,
      text: text(),
      responsiblePartnerId: Number(partner()),
      reason: reason().trim() || null,
    });
    setMode('idle');
    props.onChange(t('agreementEdit.saved'));
  });
  const lapse = createAction(async () => {
    await api.agreements.lapse.mutate({ id: props.agreement.id, version: props.agreement.version, reason: reason() });
    setMode('idle');
    props.onChange(t('agreementEdit.lapsed'));
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  return (
    <Show
      when={mode() !== 'idle'}
      fallback={
        <div class="inline-form">
          <Button variant="subtle" busy={props.busy} onClick={() => props.onDone()}>
            {t('agreements.markDone')}
          </Button>
          <Button variant="subtle" ref={(el: HTMLButtonElement) => (opener = el)} onClick={() => open('edit')}>
            {t('taskEdit.edit')}
          </Button>
          <Button variant="subtle" onClick={() => open('lapse')}>
            {t('taskEdit.lapse')}
          </Button>
        </div>
      }
    >
      <Show when={mode() === 'edit'}>
        <form
          class="card stack"
          aria-label={t('agreementEdit.editTitle')}
          onKeyDown={onKey}
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextAreaField
            label={t('agreements.text')}
            rows={2}
            maxLength={2000}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            error={save.field('text')}
            ref={(el) => queueMicrotask(() => el.focus())}
          />
          <SelectField
            label={t('agreements.responsible')}
            value={partner()}
            onChange={(e) => setPartner(e.currentTarget.value)}
            error={save.field('responsiblePartnerId')}
            options={props.partners
              .filter((p) => p.active || p.id === props.agreement.responsiblePartnerId)
              .map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextField
            label={t('taskEdit.reason')}
            optional
            description={t('taskEdit.reasonHint')}
            maxLength={500}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="inline-form">
            <Button type="submit" variant="primary" busy={save.busy()}>
              {t('app.save')}
            </Button>
            <Button onClick={close}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'lapse'}>
        <form
          class="card stack"
          aria-label={t('agreementEdit.lapseTitle')}
          onKeyDown={onKey}
          onSubmit={(e) => {
            e.preventDefault();
            void lapse.run();
          }}
        >
          <Show when={lapse.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <TextField
            label={t('taskEdit.lapseReason')}
            description={t('taskEdit.reasonHint')}
            maxLength={500}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            error={lapse.field('reason')}
            ref={(el: HTMLInputElement) => queueMicrotask(() => el.focus())}
          />
          <div class="inline-form">
            <Button type="submit" variant="danger" busy={lapse.busy()}>
              {t('agreementEdit.lapseTitle')}
            </Button>
            <Button onClick={close}>{t('app.cancel')}</Button>
          </div>
        </form>
      </Show>
    </Show>
  );
}
