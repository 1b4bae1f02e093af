// Datalek melden (art. 22): every role can report a suspected incident, without personal data.
import { createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { formatDateTime, t } from '../../i18n';
import { ActionForm } from '../../components/ActionForm';
import { Alert, Button, TextAreaField, TextField } from '../../components/Form';
import { fromLocalInput, toLocalInput } from '../../lib/dates';

export default function ReportBreach() {
  const [discoveredAt, setDiscoveredAt] = createSignal(toLocalInput(new Date().toISOString()));
  const [description, setDescription] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const report = createAction(async () => {
    const r = await api.breaches.create.mutate({ discoveredAt: fromLocalInput(discoveredAt()), description: description() });
    setDescription('');
    setDone(r.partnersBy);
  });
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('breaches.report')}
      </h1>
      <p class="utrecht-paragraph">{t('breaches.reportIntro')}</p>
      <Show when={done()}>
        <Alert kind="ok">{t('breaches.reported', { partnersBy: formatDateTime(done()) })}</Alert>
      </Show>
      <ActionForm action={report} onSubmit={() => void report.run()} class="card stack">
        <TextField
          name="discoveredAt"
          label={t('breaches.discoveredAt')}
          description={t('breaches.discoveredHint')}
          type="datetime-local"
          required
          value={discoveredAt()}
          onInput={(e) => setDiscoveredAt(e.currentTarget.value)}
        />
        <TextAreaField
          name="description"
          label={t('breaches.description')}
          description={t('breaches.descriptionHint')}
          required
          rows={5}
          value={description()}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <div class="row">
          <Button type="submit" variant="primary" busy={report.busy()}>
            {t('breaches.submit')}
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}
