// The team's agenda template (SPEC §2 step 2, team-editable): per section the title of its fixed
// agenda item, the default duration and whether "Agenda vullen" includes it. The sections and
// their order are fixed. Shown to the coordinator and the admin on the Team page.
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { api, errorKey } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { t } from '../../i18n';
import { Alert, Button, CheckboxField, TextField } from '../../components/Form';
import { sectionLabel } from './shared';

type Template = Awaited<ReturnType<typeof api.agenda.template.query>>;
type Row = Template['sections'][number];

export default function AgendaTemplate() {
  const [template, { mutate, refetch }] = createResource(() => api.agenda.template.query());
  const [rows, setRows] = createStore<Row[]>([]);
  const [version, setVersion] = createSignal(0);
  const [saved, setSaved] = createSignal(false);
  // The form follows the server's template when it arrives and after every save.
  createEffect(
    on(template, (tpl) => {
      if (!tpl) return;
      setRows(reconcile(tpl.sections.map((s) => ({ ...s }))));
      setVersion(tpl.version);
    }),
  );

  const save = createAction(async () => {
    const res = await api.agenda.setTemplate
      .mutate({
        version: version(),
        sections: rows.map((r) => ({ section: r.section, enabled: r.enabled, title: r.title, durationMinutes: Number(r.durationMinutes) })),
      })
      .catch((error: unknown) => {
        // Someone else saved in between: show their template (the message says so), then try again.
        if (errorKey(error) === 'conflict.version') void refetch();
        throw error;
      });
    mutate({ sections: res.sections, version: res.version, updatedAt: new Date().toISOString() });
    setSaved(true);
    return res;
  });

  return (
    <form
      class="card stack"
      aria-labelledby="agenda-template-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.run();
      }}
    >
      <h2 class="utrecht-heading-2" id="agenda-template-title">
        {t('template.title')}
      </h2>
      <p class="utrecht-paragraph">{t('template.help')}</p>
      <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={saved()}>
        <Alert kind="ok">{t('template.saved')}</Alert>
      </Show>
      <Show
        when={template()}
        fallback={
          <p class="utrecht-paragraph" role="status">
            {t('app.loading')}
          </p>
        }
      >
        <div class="template-grid">
          <For each={rows}>
            {(row, i) => (
              <fieldset class="utrecht-form-fieldset" data-testid="template-section">
                <legend class="utrecht-form-fieldset__legend">{sectionLabel(row.section)}</legend>
                <CheckboxField label={t('template.enabled')} checked={row.enabled} onChange={(v) => setRows(i(), 'enabled', v)} />
                <Show when={row.title !== null} fallback={<p class="utrecht-paragraph muted">{t('template.fromData')}</p>}>
                  <TextField
                    label={t('template.itemTitle')}
                    value={row.title ?? ''}
                    maxLength={200}
                    required
                    onInput={(e) => setRows(i(), 'title', e.currentTarget.value)}
                    error={save.field(`sections.${i()}.title`)}
                  />
                </Show>
                <TextField
                  label={row.title === null ? t('template.durationPerCase') : t('template.duration')}
                  type="number"
                  min="1"
                  max="240"
                  required
                  value={String(row.durationMinutes)}
                  onInput={(e) => setRows(i(), 'durationMinutes', Number(e.currentTarget.value))}
                  error={save.field(`sections.${i()}.durationMinutes`)}
                />
              </fieldset>
            )}
          </For>
        </div>
        <div class="inline-form">
          <Button type="submit" variant="primary" busy={save.busy()}>
            {t('template.save')}
          </Button>
        </div>
      </Show>
    </form>
  );
}
