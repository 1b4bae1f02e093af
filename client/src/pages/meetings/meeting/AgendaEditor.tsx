// The agenda as the coordinator prepares it: prefill, reorder, accept or decline proposals.
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction, act } from '../../../lib/action';
import { hasRole } from '../../../lib/session';
import { formatDay, t } from '../../../i18n';
import { taskStatusLabel } from '../../../lib/labels';
import { Alert, Button, Status } from '../../../components/Form';
import { agendaStateLabel, bySection, minutesText, sectionLabel, type AgendaItem, type Meeting } from '../shared';

import { ItemForm } from './ItemForm';

type Partner = Awaited<ReturnType<typeof api.partners.list.query>>[number];

export function Agenda(props: { meeting: Meeting; partners: Partner[]; onChange: (message?: string) => void }) {
  const coordinator = () => hasRole('coordinator');
  const editable = () => coordinator() && props.meeting.status !== 'gesloten';
  const [announce, setAnnounce] = createSignal('');
  const [dragId, setDragId] = createSignal<number | null>(null);
  const [dropId, setDropId] = createSignal<number | null>(null);
  const prefill = createAction(() => api.agenda.prefill.mutate({ meetingId: props.meeting.id }));
  const move = createAction((input: { id: number; direction?: 'up' | 'down'; toPosition?: number }) => api.agenda.reorder.mutate(input));
  const total = createMemo(() => props.meeting.agenda.filter((i) => i.state === 'geaccepteerd').reduce((n, i) => n + i.durationMinutes, 0));

  const doMove = async (item: AgendaItem, input: { direction?: 'up' | 'down'; toPosition?: number }) => {
    const res = await move.run({ id: item.id, ...input });
    if (!res) return;
    setAnnounce(t('agenda.moved', { title: item.title, n: res.position }));
    props.onChange();
    // Keep keyboard focus on the moved item's handle once the list has re-rendered.
    queueMicrotask(() => setTimeout(() => document.querySelector<HTMLButtonElement>(`[data-handle="${item.id}"]`)?.focus(), 150));
  };

  return (
    <section class="card stack" aria-labelledby="agenda-title">
      <div class="page-header">
        <h2 class="utrecht-heading-2" id="agenda-title">
          {t('agenda.title')}
        </h2>
        <Show when={editable()}>
          <Button
            busy={prefill.busy()}
            aria-describedby="prefill-help"
            onClick={act(async () => {
              const res = await prefill.run();
              if (res) props.onChange(t('agenda.prefilled', { n: res.added }));
            })}
          >
            {t('agenda.prefill')}
          </Button>
        </Show>
      </div>
      <Show when={editable()}>
        <p class="utrecht-paragraph muted" id="prefill-help">
          {t('agenda.prefillHelp')}
        </p>
      </Show>
      <Show when={prefill.error() ?? move.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <p class="visually-hidden" aria-live="polite">
        {announce()}
      </p>
      <Show when={editable()}>
        <p class="utrecht-paragraph muted">{t('agenda.moveHelp')}</p>
      </Show>
      <Show when={props.meeting.agenda.length > 0} fallback={<p class="utrecht-paragraph">{t('agenda.empty')}</p>}>
        <For each={bySection(props.meeting.agenda)}>
          {(group) => (
            <>
              <h3 class="utrecht-heading-3 agenda-section">{sectionLabel(group.section)}</h3>
              <ol class="agenda-list" aria-label={sectionLabel(group.section)}>
                <For each={group.items}>
                  {(item, index) => (
                    <li
                      class="agenda-item"
                      classList={{
                        'is-proposal': item.state === 'voorgesteld',
                        'is-declined': item.state === 'afgewezen',
                        'is-current': item.id === props.meeting.currentAgendaItemId,
                        'is-drop-target': dropId() === item.id,
                      }}
                      data-testid="agenda-item"
                      onDragOver={(e) => {
                        const dragged = props.meeting.agenda.find((i) => i.id === dragId());
                        if (dragged && dragged.section === item.section) {
                          e.preventDefault();
                          setDropId(item.id);
                        }
                      }}
                      onDragLeave={() => setDropId(null)}
                      onDrop={(e) => {
                        e.preventDefault();
                        const dragged = props.meeting.agenda.find((i) => i.id === dragId());
                        setDropId(null);
                        setDragId(null);
                        if (dragged && dragged.id !== item.id) void doMove(dragged, { toPosition: index() + 1 });
                      }}
                    >
                      <div>
                        <Show when={editable()} fallback={<span aria-hidden="true">{index() + 1}.</span>}>
                          <button
                            type="button"
                            class="drag-handle"
                            draggable={true}
                            data-handle={item.id}
                            aria-label={`${index() + 1} ${t('agenda.dragHandle', { title: item.title })}`}
                            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                            onDragStart={(e) => {
                              setDragId(item.id);
                              e.dataTransfer?.setData('text/plain', String(item.id));
                            }}
                            onDragEnd={() => {
                              setDragId(null);
                              setDropId(null);
                            }}
                            onKeyDown={(e) => {
                              if (!e.altKey) return;
                              if (e.key === 'ArrowUp') {
                                e.preventDefault();
                                void doMove(item, { direction: 'up' });
                              }
                              if (e.key === 'ArrowDown') {
                                e.preventDefault();
                                void doMove(item, { direction: 'down' });
                              }
                            }}
                          >
                            <span aria-hidden="true">⠿</span> {index() + 1}
                          </button>
                        </Show>
                      </div>
                      <div>
                        <p class="agenda-item__title">{item.title}</p>
                        <p class="agenda-item__meta">
                          {minutesText(item.durationMinutes)}
                          <Show when={item.presenter}> · {item.presenter}</Show>
                          <Show when={item.caseId}>
                            {' '}
                            ·{' '}
                            <A class="utrecht-link" href={`/casussen/${item.caseId}`}>
                              {item.caseCode}
                            </A>{' '}
                            {item.caseAddress}
                          </Show>
                          <Show when={item.source === 'avo'}>
                            {' '}
                            · <Status tone="danger">{t('agenda.source.avo')}</Status>
                          </Show>
                          <Show when={item.source === 'carryover'}>
                            {' '}
                            · <Status tone="warning">{t('agenda.source.carryover')}</Status>
                          </Show>
                          <Show when={item.taskId && item.taskDueDate}>
                            {' '}
                            · {t('agenda.actionLine', { partner: item.taskPartner ?? '', date: formatDay(item.taskDueDate) })}
                            <Show when={item.taskStatus && item.taskStatus !== 'open'}>
                              {' '}
                              <Status tone="ok">{taskStatusLabel(item.taskStatus!)}</Status>
                            </Show>
                            <Show when={item.taskStatus === 'open' && item.taskBlocked}>
                              {' '}
                              <Status tone="warning">{t('blocker.state')}</Status>
                            </Show>
                          </Show>
                          <Show when={item.state !== 'geaccepteerd'}>
                            {' '}
                            · <Status tone={item.state === 'afgewezen' ? 'danger' : 'warning'}>{agendaStateLabel(item.state)}</Status>
                          </Show>
                          <Show when={item.proposedBy && item.source === 'proposal'}>
                            {' '}
                            · {t('agenda.proposedBy', { name: item.proposedBy! })}
                          </Show>
                        </p>
                        <Show when={item.decisions}>
                          <p class="utrecht-paragraph">
                            <strong>{t('chair.decisions')}:</strong> {item.decisions}
                          </p>
                        </Show>
                      </div>
                      <Show when={editable()}>
                        <ItemActions
                          item={item}
                          meeting={props.meeting}
                          partners={props.partners}
                          onMove={(d) => void doMove(item, { direction: d })}
                          onChange={props.onChange}
                        />
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </For>
        <p class="utrecht-paragraph muted">{t('agenda.total', { n: total() })}</p>
      </Show>
      <Show when={editable()}>
        <ItemForm mode="add" meeting={props.meeting} partners={props.partners} onChange={props.onChange} />
      </Show>
      <Show when={!coordinator() && (props.meeting.status === 'gepubliceerd' || props.meeting.status === 'concept')}>
        <ItemForm mode="propose" meeting={props.meeting} partners={props.partners} onChange={props.onChange} />
      </Show>
    </section>
  );
}

function ItemActions(props: {
  item: AgendaItem;
  meeting: Meeting;
  partners: Partner[];
  onMove: (d: 'up' | 'down') => void;
  onChange: (message?: string) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  const accept = createAction(() => api.agenda.accept.mutate({ id: props.item.id }));
  const decline = createAction(() => api.agenda.decline.mutate({ id: props.item.id }));
  const remove = createAction(() => api.agenda.remove.mutate({ id: props.item.id }));
  const error = () => accept.error() ?? decline.error() ?? remove.error();
  return (
    <div class="agenda-item__actions">
      <Show when={props.item.state !== 'geaccepteerd'}>
        <Button
          class="utrecht-button--small"
          variant="primary"
          busy={accept.busy()}
          onClick={act(async () => {
            if (await accept.run()) props.onChange();
          })}
        >
          {t('agenda.accept')}
        </Button>
      </Show>
      <Show when={props.item.state === 'voorgesteld'}>
        <Button
          class="utrecht-button--small"
          busy={decline.busy()}
          onClick={act(async () => {
            if (await decline.run()) props.onChange();
          })}
        >
          {t('agenda.decline')}
        </Button>
      </Show>
      <Button
        class="utrecht-button--small"
        variant="subtle"
        onClick={() => props.onMove('up')}
        aria-label={`${t('agenda.moveUp')}: ${props.item.title}`}
      >
        ↑
      </Button>
      <Button
        class="utrecht-button--small"
        variant="subtle"
        onClick={() => props.onMove('down')}
        aria-label={`${t('agenda.moveDown')}: ${props.item.title}`}
      >
        ↓
      </Button>
      <Button class="utrecht-button--small" variant="subtle" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
        {t('agenda.edit')}
      </Button>
      <Button
        class="utrecht-button--small"
        variant="subtle"
        busy={remove.busy()}
        onClick={act(async () => {
          if (!confirm(t('agenda.removeConfirm'))) return;
          if (await remove.run()) props.onChange();
        })}
      >
        {t('agenda.remove')}
      </Button>
      <Show when={error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show when={editing()}>
        <div style={{ 'grid-column': '1 / -1', width: '100%' }}>
          <ItemForm
            mode="edit"
            item={props.item}
            meeting={props.meeting}
            partners={props.partners}
            onChange={(msg) => {
              setEditing(false);
              props.onChange(msg);
            }}
          />
        </div>
      </Show>
    </div>
  );
}
