// The mass-read alert's thresholds (P6, issue 11 item 7): the FG's setting, audited on the server.
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export default function MassReadSettings() {
  const [current, { mutate }] = createResource(() => api.audit.massReadSettings.query());
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      mutate(await api.audit.setMassReadSettings.mutate({ subjects: Number(form.get('subjects')), minutes: Number(form.get('minutes')) }));
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="mass-read-heading">
      <h2 class="utrecht-heading-2" id="mass-read-heading">
        {t('fg.massRead.title')}
      </h2>
      <p class="utrecht-paragraph">{t('fg.massRead.intro')}</p>
      <Show when={current()} fallback={<p>{current.error ? (current.error as Error).message : t('app.loading')}</p>}>
        {(c) => (
          <form class="stack" onSubmit={(event) => void submit(event)} novalidate>
            <TextField
              label={t('fg.massRead.subjects')}
              name="subjects"
              type="number"
              inputmode="numeric"
              min={5}
              max={1000}
              required
              value={c().subjects}
              description={t('fg.massRead.subjectsHint')}
            />
            <TextField
              label={t('fg.massRead.minutes')}
              name="minutes"
              type="number"
              inputmode="numeric"
              min={1}
              max={1440}
              required
              value={c().minutes}
              description={t('fg.massRead.minutesHint')}
            />
            <Show when={error()}>
              <Alert kind="error">{error()!}</Alert>
            </Show>
            <Show when={saved()}>
              <Alert kind="ok">{t('fg.massRead.saved')}</Alert>
            </Show>
            <div>
              <Button type="submit" busy={busy()}>
                {t('fg.massRead.submit')}
              </Button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
