// The Logboek's entries, newest first: when, who, what, on which thing and casus, and the details
// in words; betrokkenen as letters linking to "who read this person's data".
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { DataTable } from '../../../components/DataTable';
import { roleLabel } from '../../../lib/labels';
import { formatDateTime, t } from '../../../i18n';
import { actionLabel, label } from './actions';
import { factLabel, factValue, letter, type AuditEntry } from './facts';

export function AuditTable(props: { rows: AuditEntry[]; loading: boolean; personFilter: boolean }) {
  return (
    <DataTable
      caption={t('audit.caption')}
      testId="audit-log"
      rows={props.rows}
      empty={props.loading ? t('app.loading') : t('audit.none')}
      rowData={(entry) => ({ 'data-action': entry.action })}
      columns={[
        {
          header: t('audit.when'),
          cell: (entry) => (
            <>
              <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
              <br />
              <span class="muted">{t('audit.entryId', { id: entry.id })}</span>
            </>
          ),
        },
        {
          header: t('audit.actor'),
          cell: (entry) => (
            <Show when={entry.actor} fallback={<span class="muted">{t('audit.system')}</span>}>
              {(a) => (
                <>
                  {a().name}
                  <br />
                  <span class="muted">
                    {roleLabel(a().role)}
                    {a().partner ? `, ${a().partner}` : ''}
                  </span>
                </>
              )}
            </Show>
          ),
        },
        { header: t('audit.action'), cell: (entry) => actionLabel(entry.action) },
        {
          header: t('audit.entity'),
          cell: (entry) => (
            <Show when={entry.entity}>
              {(e) => (
                <>
                  {label(`audit.entity.${e()}`, t('audit.otherEntity'))}
                  {entry.subject ? `: ${entry.subject}` : ''}
                </>
              )}
            </Show>
          ),
        },
        {
          header: t('audit.case'),
          cell: (entry) => (
            <Show when={entry.caseId !== null && entry.caseCode}>
              <A class="utrecht-link" href={`/casussen/${entry.caseId}`}>
                {entry.caseCode}
              </A>
            </Show>
          ),
        },
        {
          header: t('audit.detail'),
          cell: (entry) => (
            <>
              <Show when={entry.facts.length > 0}>
                <ul class="audit-facts">
                  <For each={entry.facts}>
                    {(f) => (
                      <li>
                        {factLabel(f)}: {factValue(f)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={entry.subjects.length > 0 && !props.personFilter}>
                <ul class="audit-facts" aria-label={t('audit.persons')}>
                  <For each={entry.subjects}>
                    {(s, i) => (
                      <li>
                        <A class="utrecht-link" href={`/logboek?betrokkene=${encodeURIComponent(s.id)}`}>
                          {t(s.police ? 'audit.personLinkPolice' : 'audit.personLink', { letter: letter(i()) })}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          ),
        },
      ]}
    />
  );
}
