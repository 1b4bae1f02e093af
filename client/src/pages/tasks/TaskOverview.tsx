import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { taskStatusLabel } from '../../lib/labels';
import { formatDay, t } from '../../i18n';
import { Alert, CheckboxField, SelectField } from '../../components/Form';
import { TaskNotes, TaskState } from '../../components/TaskState';
import { ChangeLog } from '../../components/ChangeLog';
import { TaskEditor } from '../../components/TaskEditor';
import { TaskActions } from '../../components/TaskActions';
import { problemOf, ResourceError } from '../../components/ResourceError';
import { DataTable } from '../../components/DataTable';
import { taskStatuses as statuses } from '../../../../db/schema/enums';

export default function TaskOverview() {
  const [params, setParams] = useSearchParams<{
    partner?: string;
    status?: string;
    gemeente?: string;
    verlopen?: string;
    knelpunt?: string;
  }>();
  const [partners] = createResource(() => api.partners.list.query());
  const filter = () => ({
    partnerId: params.partner ? Number(params.partner) : null,
    status: (statuses as readonly string[]).includes(params.status ?? 'open')
      ? ((params.status ?? 'open') as (typeof statuses)[number])
      : null,
    gemeentePartnerId: params.gemeente ? Number(params.gemeente) : null,
    overdue: params.verlopen === '1' || null,
    // The knelpunt e-mail links here with the task's id: the blocked tasks are shown.
    blocked: Boolean(params.knelpunt) || null,
  });
  const [tasks, { refetch }] = createResource(filter, (f) => api.tasks.list.query(f));
  const [flash, setFlash] = createSignal<string | null>(null);
  const done = (m?: string) => {
    setFlash(m ?? null);
    void refetch();
  };
  const editable = () => (partners() ?? []).map((p) => ({ id: p.id, name: p.name, active: p.active }));
  // Never read a failed resource (it throws): loading, failed and empty are three different things.
  const rows = () => (tasks.error ? [] : (tasks() ?? []));
  return (
    <Show when={!tasks.error || problemOf(tasks.error) === 'failed'} fallback={<ResourceError error={tasks.error as unknown} />}>
      <section class="stack">
        <h1 class="utrecht-heading-1" tabindex="-1">
          {t('tasks.overview.title')}
        </h1>
        <div class="row card">
          <SelectField
            label={t('tasks.partner')}
            value={params.partner ?? ''}
            placeholder={t('app.all')}
            optional
            onChange={(e) => setParams({ partner: e.currentTarget.value || undefined })}
            options={(partners() ?? []).map((p) => ({ value: p.id, label: p.shortName }))}
          />
          <SelectField
            label={t('tasks.status')}
            value={params.status ?? 'open'}
            onChange={(e) => setParams({ status: e.currentTarget.value })}
            options={[...statuses.map((s) => ({ value: s, label: taskStatusLabel(s) })), { value: 'alle', label: t('app.all') }]}
          />
          <SelectField
            label={t('cases.filterGemeente')}
            value={params.gemeente ?? ''}
            placeholder={t('app.all')}
            optional
            onChange={(e) => setParams({ gemeente: e.currentTarget.value || undefined })}
            options={(partners() ?? []).filter((p) => p.kind === 'gemeente').map((p) => ({ value: p.id, label: p.shortName }))}
          />
          <CheckboxField
            label={t('tasks.overdue')}
            checked={params.verlopen === '1'}
            onChange={(on) => setParams({ verlopen: on ? '1' : undefined })}
          />
          <CheckboxField
            label={t('blocker.filter')}
            checked={Boolean(params.knelpunt)}
            onChange={(on) => setParams({ knelpunt: on ? '1' : undefined })}
          />
        </div>
        <div aria-live="polite">
          <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
        </div>
        <DataTable
          caption={`${t('tasks.overview.caption')} (${rows().length})`}
          resource={tasks}
          empty={t('tasks.none')}
          rowTestId="overview-task"
          rowClass={(task) => (task.blockedAt && task.status === 'open' ? 'is-blocked' : undefined)}
          columns={[
            {
              header: t('tasks.task'),
              cell: (task) => (
                <>
                  {task.title}
                  <ChangeLog changes={task.changes} />
                </>
              ),
            },
            { header: t('tasks.partner'), cell: (task) => task.partner },
            {
              header: t('tasks.case'),
              cell: (task) => (
                <Show when={task.caseId}>
                  <A class="utrecht-link" href={`/casussen/${task.caseId}`}>
                    {task.caseCode}
                  </A>{' '}
                  {task.caseAddress}
                </Show>
              ),
            },
            {
              header: t('tasks.due'),
              cellClass: (task) => (task.overdue ? 'overdue' : undefined),
              cell: (task) => formatDay(task.dueDate),
            },
            { header: t('tasks.status'), cell: (task) => <TaskState task={task} /> },
            {
              header: t('tasks.result'),
              cell: (task) => (
                <>
                  {task.resultNote ?? ''}
                  <TaskNotes task={task} />
                </>
              ),
            },
            {
              header: t('tasks.actions'),
              cell: (task) => (
                <>
                  <TaskEditor task={task} partners={editable()} onChange={done} />
                  <Show when={task.status === 'open' && task.blockedAt}>
                    <TaskActions task={task} onChange={done} />
                  </Show>
                </>
              ),
            },
          ]}
        />
      </section>
    </Show>
  );
}
