// One agenda item's form: add or edit (coordinator), or propose (member).
import { createSignal, Show, untrack } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { t } from '../../../i18n';
import { Alert, Button, SelectField, TextField } from '../../../components/Form';
import { sectionLabel, sections, type AgendaItem, type Meeting } from '../shared';

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

/** Add (coordinator), edit (coordinator) or propose (member) an agenda item. */
export function ItemForm(props: {
  mode: 'add' | 'edit' | 'propose';
  item?: AgendaItem;
  meeting: Meeting;
  partners: Partner[];
  onChange: (message?: string) => void;
}) {
  // The form starts from the item as loaded (or the defaults for a new one).
  const { item, mode } = untrack(() => ({ item: props.item, mode: props.mode }));
  const [section, setSection] = createSignal<string>(item?.section ?? (mode === 'propose' ? 'rondvraag' : 'lopende_casussen'));
  const [title, setTitle] = createSignal(item?.title ?? '');
  const [duration, setDuration] = createSignal(String(item?.durationMinutes ?? 5));
  const [presenter, setPresenter] = createSignal(item?.presenterPartnerId ? String(item.presenterPartnerId) : '');
  const [caseCode, setCaseCode] = createSignal(item?.caseCode ?? '');
  const [caseError, setCaseError] = createSignal<string | undefined>();

  async function resolveCase(): Promise<number | null | undefined> {
    const code = caseCode().trim();
    if (!code) return null;
    if (props.item?.caseCode && code === props.item.caseCode) return props.item.caseId;
    const found = await api.cases.list.query({ search: code, limit: 5 });
    const match = found.items.find((c) => c.code.toLowerCase() === code.toLowerCase());
    if (!match) {
      setCaseError(t('agenda.caseNotFound'));
      return undefined;
    }
    return match.id;
  }

  const action = createAction(async () => {
    setCaseError(undefined);
    const caseId = await resolveCase();
    if (caseId === undefined) return undefined;
    const base = { title: title(), durationMinutes: Number(duration()) || 5 };
    if (props.mode === 'propose') {
      return api.agenda.propose.mutate({ meetingId: props.meeting.id, section: section() as (typeof sections)[number], caseId, ...base });
    }
    const presenterPartnerId = presenter() ? Number(presenter()) : null;
    if (props.mode === 'edit' && props.item) {
      return api.agenda.update.mutate({
        id: props.item.id,
        version: props.item.version,
        section: section() as (typeof sections)[number],
        caseId,
        presenterPartnerId,
        ...base,
      });
    }
    return api.agenda.add.mutate({
      meetingId: props.meeting.id,
      section: section() as (typeof sections)[number],
      caseId,
      presenterPartnerId,
      ...base,
    });
  });
  const heading = () => (props.mode === 'propose' ? t('agenda.propose') : props.mode === 'add' ? t('agenda.add') : null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const res = await action.run();
    if (res) {
      if (props.mode !== 'edit') {
        setTitle('');
        setCaseCode('');
      }
      props.onChange(props.mode === 'propose' ? t('agenda.proposed') : t('app.saved'));
    }
  };
  return (
    <form class="stack" onSubmit={(e) => void submit(e)}>
      <Show when={heading()}>{(h) => <h3 class="utrecht-heading-3">{h()}</h3>}</Show>
      <Show when={props.mode === 'propose'}>
        <p class="utrecht-paragraph muted">{t('agenda.proposeHelp')}</p>
      </Show>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <div class="row">
        <TextField
          label={t('agenda.itemTitle')}
          required
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
          error={action.field('title')}
        />
        <SelectField
          label={t('agenda.section')}
          value={section()}
          onChange={(e) => setSection(e.currentTarget.value)}
          options={sections.map((s) => ({ value: s, label: sectionLabel(s) }))}
        />
      </div>
      <div class="row">
        <TextField
          label={t('agenda.duration')}
          type="number"
          min="1"
          max="240"
          value={duration()}
          onInput={(e) => setDuration(e.currentTarget.value)}
          error={action.field('durationMinutes')}
        />
        <Show when={props.mode !== 'propose'}>
          <SelectField
            label={t('agenda.presenter')}
            optional
            value={presenter()}
            placeholder={t('app.none')}
            onChange={(e) => setPresenter(e.currentTarget.value)}
            options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Show>
        <TextField
          label={t('agenda.caseSearch')}
          optional
          value={caseCode()}
          onInput={(e) => setCaseCode(e.currentTarget.value)}
          error={caseError() ?? action.field('caseId')}
        />
      </div>
      <Button type="submit" variant={props.mode === 'edit' ? 'primary' : 'secondary'} busy={action.busy()}>
        {props.mode === 'propose' ? t('agenda.propose') : props.mode === 'add' ? t('agenda.add') : t('app.save')}
      </Button>
    </form>
  );
}
