// The coordinator's toelichting / knelpunten of the period (issue 9 item 18; BIT art. 4.1): written
// here, saved as a new version, and carried into the Word report. Other readers see the text.
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDateTime, t } from '../../i18n';
import { Alert, Button, TextAreaField } from '../../components/Form';

export function ReportNarrative(props: { period: { from: string; to: string } }) {
  const [narrative, { refetch }] = createResource(
    () => props.period,
    (p) => api.reports.narrative.query(p),
  );
  const [draft, setDraft] = createSignal('');
  const [savedVersion, setSavedVersion] = createSignal<number | null>(null);
  createEffect(() => {
    const n = narrative();
    if (!narrative.loading) setDraft(n?.text ?? '');
  });
  const save = createAction(async () => {
    const result = await api.reports.saveNarrative.mutate({ ...props.period, text: draft(), version: narrative()?.version ?? null });
    await refetch();
    setSavedVersion(result.version);
  });
  const stamp = () => {
    const n = narrative();
    return n ? t('reports.narrativeStamp', { version: n.version, date: formatDateTime(n.updatedAt), name: n.updatedBy }) : '';
  };
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('reports.narrativeHeading')}</h2>
      <Show
        when={!narrative.loading}
        fallback={
          <p class="utrecht-paragraph" role="status">
            {t('app.loading')}
          </p>
        }
      >
        <Show
          when={hasRole('coordinator')}
          fallback={
            <Show when={narrative()} fallback={<p class="utrecht-paragraph muted">{t('reports.narrativeNone')}</p>}>
              {(n) => (
                <>
                  <p class="utrecht-paragraph" lang="nl" style={{ 'white-space': 'pre-line' }}>
                    {n().text}
                  </p>
                  <p class="utrecht-paragraph muted">{stamp()}</p>
                </>
              )}
            </Show>
          }
        >
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              setSavedVersion(null);
              void save.run();
            }}
          >
            <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <Show when={savedVersion()}>{(v) => <Alert kind="ok">{t('reports.narrativeSaved', { version: v() })}</Alert>}</Show>
            <TextAreaField
              label={t('reports.narrativeLabel')}
              description={t('reports.narrativeHelp')}
              name="text"
              rows={8}
              maxLength={5000}
              value={draft()}
              onInput={(e) => {
                setDraft(e.currentTarget.value);
                save.clearField('text');
              }}
              error={save.field('text')}
            />
            <Show when={narrative()}>
              <p class="utrecht-paragraph muted">{stamp()}</p>
            </Show>
            <div>
              <Button type="submit" busy={save.busy()}>
                {t('reports.narrativeSave')}
              </Button>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
