// The verslag's fixed parts: attendance, the panden with their werkafspraken and betrokkenen, the
// action lists, the exports, the version history and the save state of the editor.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { taskStatusLabel } from '../../../lib/labels';
import { formatItemValue } from '../../../lib/dates';
import { formatDateTime, formatDay, t, type TextKey } from '../../../i18n';
import { Alert, Button, Status } from '../../../components/Form';
import { DataTable } from '../../../components/DataTable';
import { SubjectTable } from '../../../components/SubjectTable';
import type { MinutesAutosave } from './autosave';

type View = Awaited<ReturnType<typeof api.minutes.get.query>>;
type Action = View['actions'][number];

export function AttendanceTable(props: { attendance: View['attendance'] }) {
  return (
    <section>
      <h2 class="utrecht-heading-2">{t('minutes.attendance')}</h2>
      <DataTable
        caption={t('minutes.attendance')}
        hideCaption
        rows={props.attendance}
        empty={t('minutes.noAttendance')}
        columns={[
          { header: t('minutes.partner'), rowHeader: true, cell: (a) => a.partner },
          { header: t('minutes.presence'), cell: (a) => t(`minutes.attendance.${a.status ?? 'unknown'}` as TextKey) },
          { header: t('minutes.attendees'), cell: (a) => a.attendees.join(', ') },
        ]}
      />
    </section>
  );
}

export function Panden(props: { panden: View['panden'] }) {
  return (
    <section class="stack">
      <h2 class="utrecht-heading-2">{t('minutes.panden')}</h2>
      <For each={props.panden} fallback={<p class="utrecht-paragraph">{t('minutes.noPanden')}</p>}>
        {(pand) => (
          <section class="card stack" data-testid="minutes-pand">
            <h3 class="utrecht-heading-3">
              <A class="utrecht-link" href={`/casussen/${pand.caseId}`}>
                {pand.code}
              </A>{' '}
              — {pand.address}
            </h3>
            <Show when={pand.agreements.length > 0} fallback={<p class="utrecht-paragraph muted">{t('minutes.noAgreements')}</p>}>
              <ul class="utrecht-unordered-list">
                <For each={pand.agreements}>
                  {(a) => {
                    // The betrokkenen this werkafspraak concerns, by their number below (art. 20.1).
                    const numbers = () => a.subjectIds.map((id) => pand.subjects.findIndex((s) => s.id === id) + 1).filter((n) => n > 0);
                    return (
                      <li>
                        {a.text} <span class="muted">({t('minutes.responsible', { partner: a.responsiblePartner })})</span>
                        <Show when={numbers().length > 0}>
                          {' '}
                          <span class="muted">— {t('minutes.agreementSubjects', { names: numbers().join(', ') })}</span>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <Show when={pand.subjects.length > 0}>
              <h4 class="utrecht-heading-4">{t('minutes.subjects')}</h4>
              <For each={pand.subjects}>
                {(s, i) => (
                  <SubjectTable
                    kind={s.kind}
                    n={i() + 1}
                    rowTestId="minutes-item-value"
                    rows={s.items.map((item) => ({
                      category: item.category,
                      source: item.source,
                      value: () => formatItemValue(item.category, item.value),
                    }))}
                  />
                )}
              </For>
            </Show>
          </section>
        )}
      </For>
    </section>
  );
}

export function ActionTable(props: { title: string; actions: Action[]; withMeeting: boolean }) {
  return (
    <section>
      <h2 class="utrecht-heading-2">{props.title}</h2>
      <DataTable
        caption={props.title}
        hideCaption
        rows={props.actions}
        empty={t('minutes.noActions')}
        rowTestId="minutes-action"
        columns={[
          { header: t('minutes.task'), rowHeader: true, cell: (a) => a.title },
          { header: t('minutes.partner'), cell: (a) => a.partner },
          { header: t('minutes.due'), cell: (a) => <span classList={{ overdue: a.overdue }}>{formatDay(a.dueDate, 'long')}</span> },
          {
            header: t('minutes.taskStatus'),
            cell: (a) => (
              <>
                {taskStatusLabel(a.status)}
                <Show when={a.overdue}>
                  {' '}
                  <Status tone="danger">{t('minutes.overdue')}</Status>
                </Show>
              </>
            ),
          },
          {
            header: t('minutes.pand'),
            cell: (a) => (
              <Show when={a.caseCode}>
                <A class="utrecht-link" href={`/casussen/${a.caseId}`}>
                  {a.caseCode}
                </A>{' '}
                — {a.caseAddress}
              </Show>
            ),
          },
          props.withMeeting && { header: t('minutes.fromMeeting'), cell: (a) => formatDay(a.meetingDate, 'long') },
        ]}
      />
    </section>
  );
}

export function Exports(props: { meetingId: number }) {
  const href = (format: string) => `/export/minutes/${props.meetingId}.${format}`;
  return (
    <section class="no-print" aria-labelledby="minutes-export">
      <h2 class="utrecht-heading-3" id="minutes-export">
        {t('minutes.export')}
      </h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href('html')} target="_blank" rel="noopener">
          {t('minutes.exportHtml')}
        </a>
        {' · '}
        <a class="utrecht-link" href={href('docx')} download="">
          {t('minutes.exportDocx')}
        </a>
        {' · '}
        <a class="utrecht-link" href={href('md')} download="">
          {t('minutes.exportMd')}
        </a>
      </p>
      <p class="utrecht-paragraph muted">{t('minutes.exportNote')}</p>
    </section>
  );
}

export function Versions(props: { meetingId: number; version: number }) {
  const [versions] = createResource(
    () => [props.meetingId, props.version] as const,
    ([meetingId]) => api.minutes.versions.query({ meetingId }),
  );
  return (
    <details class="no-print">
      <summary>
        {t('minutes.versions')} ({versions()?.length ?? '…'})
      </summary>
      <ol class="utrecht-ordered-list" reversed>
        <For each={versions()}>
          {(v) => (
            <li>
              {t('minutes.versionLine', {
                version: v.version,
                date: formatDateTime(v.createdAt),
                by: v.createdBy ? ` (${v.createdBy})` : '',
              })}
            </li>
          )}
        </For>
      </ol>
    </details>
  );
}

export function SaveStatus(props: { saver: MinutesAutosave; onReload: () => void }) {
  const s = () => props.saver;
  return (
    <Show when={s().state() !== 'saved' || s().version() > 1}>
      <Show
        when={s().state() === 'conflict'}
        fallback={
          <p
            class="utrecht-paragraph"
            classList={{
              notice: s().state() === 'retry' || s().state() === 'failed',
              muted: s().state() !== 'retry' && s().state() !== 'failed',
            }}
            role="status"
          >
            {s().state() === 'failed'
              ? t('minutes.save.failed', { message: s().error() ?? '' })
              : t(`minutes.save.${s().state()}` as TextKey, { version: s().version() })}
          </p>
        }
      >
        <Alert kind="error">
          {t('minutes.save.conflict')} <Button onClick={props.onReload}>{t('minutes.loadLatest')}</Button>
        </Alert>
      </Show>
    </Show>
  );
}
