import { A, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { formatDay, formatDateTime, t } from '../../i18n';
import { categoryLabel } from '../../lib/labels';
import { formatItemValue } from '../../lib/dates';
import { Alert, Status } from '../../components/Form';
import { ResourceError } from '../../components/ResourceError';
import { createLive, type LiveSnapshot } from './live';
import { meetingStatusLabel, minutesText, sectionLabel, sections, statusTone } from './shared';

/** A member follows a running overleg: current item, its casus and what is captured, live. */
export default function LiveView() {
  const params = useParams<{ id: string }>();
  const live = createLive(() => Number(params.id));
  const [announce, setAnnounce] = createSignal('');
  const [fresh, setFresh] = createSignal<Set<number>>(new Set());
  // Announce tasks that appear while following (not the ones there at the start).
  let known: Set<number> | null = null;
  createEffect(() => {
    const snap = live.snapshot();
    if (!snap) return;
    const tasks = snap.captured.tasks.map((x) => ({ id: x.id, title: x.title, partner: x.partner }));
    if (known) {
      const added = tasks.filter((x) => !known!.has(x.id));
      if (added.length > 0) {
        setFresh(new Set(added.map((x) => x.id)));
        setAnnounce(added.map((x) => t('live.newTask', { title: x.title, partner: x.partner })).join(' '));
      }
    }
    known = new Set(tasks.map((x) => x.id));
  });
  return (
    <Show
      when={!live.unavailable()}
      fallback={<ResourceError error={live.unavailable()} back={{ href: '/overleggen', label: t('resource.backToMeetings') }} />}
    >
      <section class="stack">
        <p class="utrecht-paragraph">
          <A class="utrecht-link" href={`/overleggen/${params.id}`}>
            ← {t('meeting.back')}
          </A>
        </p>
        <p class="visually-hidden" aria-live="polite">
          {announce()}
        </p>
        <Show when={live.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
        <Show
          when={live.snapshot()}
          fallback={
            <p class="utrecht-paragraph" role="status">
              {t('live.connecting')}
            </p>
          }
        >
          {(s) => <LiveBody snapshot={s()} state={live.state()} fresh={fresh()} />}
        </Show>
      </section>
    </Show>
  );
}

function LiveBody(props: { snapshot: LiveSnapshot; state: string; fresh: Set<number> }) {
  const m = () => props.snapshot.meeting;
  return (
    <>
      <div class="page-header">
        <div>
          <h1 class="utrecht-heading-1" tabindex="-1">
            {t('live.title', { title: m().title })}
          </h1>
          <p class="utrecht-paragraph">{formatDateTime(m().startsAt)}</p>
        </div>
        <div>
          <Status tone={statusTone(m().status)}>{meetingStatusLabel(m().status)}</Status>{' '}
          <span role="status" class="muted">
            {props.state === 'connected'
              ? t('live.connected')
              : props.state === 'reconnecting'
                ? t('live.reconnecting')
                : t('live.connecting')}
          </span>
        </div>
      </div>
      <Show when={m().status === 'gepubliceerd'}>
        <Alert kind="info">{t('live.notStarted')}</Alert>
      </Show>
      <Show when={m().status === 'gesloten'}>
        <Alert kind="info">{t('live.ended')}</Alert>
      </Show>
      <div class="chair live-layout">
        <div class="stack live-main">
          <CurrentItem snapshot={props.snapshot} />
          <Captured snapshot={props.snapshot} fresh={props.fresh} />
        </div>
        <nav class="chair-agenda live-agenda" aria-label={t('agenda.title')}>
          <h2 class="utrecht-heading-3">{t('agenda.title')}</h2>
          <For each={sections}>
            {(section) => (
              <Show when={m().agenda.some((i) => i.state === 'geaccepteerd' && i.section === section)}>
                <h3 class="utrecht-heading-4">{sectionLabel(section)}</h3>
                <ol>
                  <For each={m().agenda.filter((i) => i.state === 'geaccepteerd' && i.section === section)}>
                    {(item) => (
                      <li
                        aria-current={item.id === m().currentAgendaItemId ? 'step' : undefined}
                        classList={{ 'agenda-item': true, 'is-current': item.id === m().currentAgendaItemId }}
                      >
                        <span>
                          {item.title} <span class="muted">({minutesText(item.durationMinutes)})</span>
                        </span>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            )}
          </For>
        </nav>
      </div>
    </>
  );
}

export function CurrentItem(props: { snapshot: LiveSnapshot }) {
  return (
    <section class="card stack" aria-labelledby="current-title">
      <h2 class="utrecht-heading-2" id="current-title">
        {t('chair.current')}
      </h2>
      <Show when={props.snapshot.current} fallback={<p class="utrecht-paragraph">{t('chair.noCurrent')}</p>}>
        {(c) => (
          <>
            <p class="utrecht-paragraph muted">{sectionLabel(c().item.section)}</p>
            <h3 class="utrecht-heading-3">{c().item.title}</h3>
            <Show when={c().item.decisions}>
              <p class="utrecht-paragraph">
                <strong>{t('chair.decisions')}:</strong> {c().item.decisions}
              </p>
            </Show>
            <Show when={c().casus}>{(casus) => <CasusPanel casus={casus()} />}</Show>
          </>
        )}
      </Show>
    </section>
  );
}

type Casus = NonNullable<NonNullable<LiveSnapshot['current']>['casus']>;

export function CasusPanel(props: { casus: Casus }) {
  const c = () => props.casus;
  return (
    <div class="stack">
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={`/casussen/${c().id}`}>
          {c().code}
        </A>{' '}
        · {c().street} {c().houseNumber}
        {c().houseNumberAddition ? ` ${c().houseNumberAddition}` : ''}, {c().postcode} {c().city} · {c().theme}
      </p>
      <h4 class="utrecht-heading-4">{t('chair.openAgreements')}</h4>
      <ul>
        <For each={c().agreements} fallback={<li>{t('chair.noneYet')}</li>}>
          {(a) => (
            <li>
              {a.text} <span class="muted">({a.responsible})</span>
            </li>
          )}
        </For>
      </ul>
      <h4 class="utrecht-heading-4">{t('chair.openTasks')}</h4>
      <ul>
        <For each={c().tasks} fallback={<li>{t('chair.noneYet')}</li>}>
          {(task) => (
            <li>
              {task.title} — {task.partner}, <span classList={{ overdue: task.overdue }}>{formatDay(task.dueDate)}</span>
              <Show when={task.overdue}>
                {' '}
                <Status tone="danger">{t('tasks.overdue')}</Status>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={c().subjects.length > 0}>
        <h4 class="utrecht-heading-4">{t('chair.subjects')}</h4>
        <ul>
          <For each={c().subjects}>
            {(s) => (
              <li>
                <For each={s.items}>
                  {(i, k) => (
                    <>
                      {k() > 0 ? '; ' : ''}
                      {categoryLabel(i.category)}: {formatItemValue(i.category, i.value)}
                    </>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

export function Captured(props: { snapshot: LiveSnapshot; fresh?: Set<number> }) {
  return (
    <section class="card stack" aria-labelledby="captured-title">
      <h2 class="utrecht-heading-2" id="captured-title">
        {t('chair.captured')}
      </h2>
      <h3 class="utrecht-heading-3">{t('chair.captureAgreement')}</h3>
      <ul data-testid="captured-agreements">
        <For each={props.snapshot.captured.agreements} fallback={<li>{t('chair.noneYet')}</li>}>
          {(a) => (
            <li>
              {a.caseCode}: {a.text} <span class="muted">({a.responsible})</span>
            </li>
          )}
        </For>
      </ul>
      <h3 class="utrecht-heading-3">{t('chair.captureTask')}</h3>
      <ul data-testid="captured-tasks">
        <For each={props.snapshot.captured.tasks} fallback={<li>{t('chair.noneYet')}</li>}>
          {(task) => (
            <li classList={{ 'live-new': props.fresh?.has(task.id) ?? false }}>
              {task.title} — <strong>{task.partner}</strong>, {t('chair.due').toLowerCase()} {formatDay(task.dueDate)}
              <Show when={task.caseCode}> · {task.caseCode}</Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
