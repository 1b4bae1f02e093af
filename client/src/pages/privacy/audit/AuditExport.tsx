// The Logboek as CSV for a period or one betrokkene (issue 11 item 7); audit.export logs it.
import { Show } from 'solid-js';
import { t } from '../../../i18n';
import { exportHref, type AuditFilter } from './filter';

export function AuditExport(props: { filter: AuditFilter }) {
  return (
    <section class="card stack" aria-labelledby="export-heading">
      <h2 class="utrecht-heading-2" id="export-heading">
        {t('audit.exportTitle')}
      </h2>
      <p class="utrecht-paragraph">{t('audit.exportIntro')}</p>
      <Show when={exportHref(props.filter)} fallback={<p class="utrecht-paragraph muted">{t('audit.exportNeedsPeriod')}</p>}>
        {(href) => (
          <div>
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={href()} download="">
              {props.filter.subjectId ? t('audit.exportPerson') : t('audit.exportPeriod')}
            </a>
          </div>
        )}
      </Show>
    </section>
  );
}
