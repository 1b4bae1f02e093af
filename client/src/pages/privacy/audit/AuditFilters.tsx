// The Logboek's filter form: kind of action, user, casus and period. The form edits its own
// copy; "apply" writes it into the URL (where the list reads it), "reset" clears the URL.
import { createResource, createSignal } from 'solid-js';
import { api } from '../../../lib/trpc';
import { roleLabel } from '../../../lib/labels';
import { t } from '../../../i18n';
import { Button, SelectField, TextField } from '../../../components/Form';
import { actionOptions } from './actions';
import type { AuditParams } from './filter';

export function AuditFilters(props: { params: AuditParams; enabled: boolean; onApply: (params: AuditParams) => void }) {
  // The URL's values when the page opened are the form's starting values, read once on purpose.
  // eslint-disable-next-line solid/reactivity
  const start = props.params;
  const [action, setAction] = createSignal(start.handeling ?? '');
  const [actor, setActor] = createSignal(start.gebruiker ?? '');
  const [caseCode, setCaseCode] = createSignal(start.casus ?? '');
  const [from, setFrom] = createSignal(start.van ?? '');
  const [to, setTo] = createSignal(start.tot ?? '');
  const [actors] = createResource(
    () => props.enabled,
    () => api.audit.actors.query(),
  );

  function apply(e: SubmitEvent) {
    e.preventDefault();
    props.onApply({
      handeling: action() || undefined,
      gebruiker: actor() || undefined,
      casus: caseCode().trim() || undefined,
      van: from() || undefined,
      tot: to() || undefined,
    });
  }
  function reset() {
    setAction('');
    setActor('');
    setCaseCode('');
    setFrom('');
    setTo('');
    props.onApply({ handeling: undefined, gebruiker: undefined, casus: undefined, van: undefined, tot: undefined, betrokkene: undefined });
  }

  return (
    <form class="card stack" role="search" aria-labelledby="filters-heading" onSubmit={apply}>
      <h2 class="utrecht-heading-2" id="filters-heading">
        {t('audit.filters')}
      </h2>
      <div class="row">
        <SelectField
          label={t('audit.filterAction')}
          value={action()}
          placeholder={t('app.all')}
          optional
          onChange={(e) => setAction(e.currentTarget.value)}
          options={actionOptions}
        />
        <SelectField
          label={t('audit.filterActor')}
          value={actor()}
          placeholder={t('app.all')}
          optional
          onChange={(e) => setActor(e.currentTarget.value)}
          options={(actors() ?? []).map((a) => ({ value: a.id, label: `${a.name} (${roleLabel(a.role)})` }))}
        />
        <TextField
          label={t('audit.filterCase')}
          description={t('audit.filterCaseHint')}
          value={caseCode()}
          maxLength={40}
          autocomplete="off"
          optional
          onInput={(e) => setCaseCode(e.currentTarget.value)}
        />
        <TextField label={t('audit.filterFrom')} type="date" value={from()} optional onInput={(e) => setFrom(e.currentTarget.value)} />
        <TextField label={t('audit.filterTo')} type="date" value={to()} optional onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <div class="inline-form">
        <Button type="submit" variant="primary">
          {t('audit.apply')}
        </Button>
        <Button variant="subtle" onClick={reset}>
          {t('audit.reset')}
        </Button>
      </div>
    </form>
  );
}
