import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, onMount, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDateTime, t, today, type TextKey } from '../../i18n';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { pastDateQuestion, withConfirmation } from '../../components/ConfirmDialog';
import { amsterdamToIso } from '../../lib/dates';
import { meetingStatusLabel, minutesStatusLabel, statusTone, type MeetingSummary } from './shared';
import { LoadError } from '../../components/ResourceError';
import { MeetingDetailsFields } from './MeetingDetailsFields';
import { DataTable } from '../../components/DataTable';

export default function MeetingList() {
  // Upcoming first; the past ones page by page (a team holds years of them) — issue 9 item 11.
  const [upcoming, { refetch }] = createResource(() => api.meetings.list.query({ past: false }));
  const [past, setPast] = createSignal<MeetingSummary[]>([]);
  const [cursor, setCursor] = createSignal<number | null>(null);
  const [pastLoaded, setPastLoaded] = createSignal(false);
  const more = createAction((after: number | null) => api.meetings.list.query({ past: true, cursor: after }));
  const loadPast = async (after: number | null) => {
    const page = await more.run(after);
    if (!page) return;
    const shown = past().length;
    setPast((rows) => [...rows, ...page.past]);
    setCursor(page.nextCursor);
    setPastLoaded(true);
    // Keyboard users continue at the first row just loaded, not back at the button's old place.
    if (after !== null)
      queueMicrotask(() => document.querySelectorAll<HTMLElement>('[data-testid="past-meetings"] tbody a')[shown]?.focus());
  };
  onMount(() => void loadPast(null));
  const [flash, setFlash] = createSignal<string | null>(null);
  const [creating, setCreating] = createSignal(false);
  let newPanel: HTMLDivElement | undefined;
  const toggleNew = () => {
    setCreating(!creating());
    if (creating()) queueMicrotask(() => newPanel?.querySelector<HTMLElement>('input, select')?.focus());
  };
  return (
    <section class="stack">
      <div class="page-header">
        <h1 class="utrecht-heading-1" tabindex="-1">
          {t('meetings.title')}
        </h1>
        <Show when={hasRole('coordinator')}>
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            aria-expanded={creating()}
            aria-controls="new-meeting"
            onClick={toggleNew}
          >
            {t('meetings.new')}
          </button>
        </Show>
      </div>
      <div aria-live="polite">
        <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
      </div>
      <Show when={hasRole('coordinator')}>
        <div id="new-meeting" class="stack" ref={newPanel} hidden={!creating()}>
          <NewMeeting />
          <NewSeries
            onDone={(n) => {
              setFlash(t('meetings.seriesCreated', { n }));
              void refetch();
            }}
          />
        </div>
      </Show>
      <Show when={upcoming.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show
        when={upcoming()}
        fallback={
          <p class="utrecht-paragraph" role="status">
            {t('app.loading')}
          </p>
        }
      >
        {(l) => <MeetingTable caption={t('meetings.upcoming')} rows={l().upcoming} />}
      </Show>
      <Show when={more.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show
        when={pastLoaded()}
        fallback={
          <Show when={!more.error()}>
            <p class="utrecht-paragraph" role="status">
              {t('app.loading')}
            </p>
          </Show>
        }
      >
        <MeetingTable caption={t('meetings.past')} rows={past()} testId="past-meetings" />
        <Show when={cursor()}>
          {(after) => (
            <div>
              <Button onClick={() => void loadPast(after())} busy={more.busy()}>
                {t('app.loadMore')}
              </Button>
            </div>
          )}
        </Show>
      </Show>
      <CalendarFeed />
    </section>
  );
}

function MeetingTable(props: { caption: string; rows: MeetingSummary[]; testId?: string }) {
  return (
    <DataTable
      caption={props.caption}
      rows={props.rows}
      empty={t('meetings.none')}
      testId={props.testId}
      rowTestId="meeting-row"
      columns={[
        { header: t('meetings.col.when'), cell: (m) => formatDateTime(m.startsAt) },
        {
          header: t('meetings.col.title'),
          cell: (m) => (
            <A class="utrecht-link" href={`/overleggen/${m.id}`}>
              {m.title}
            </A>
          ),
        },
        { header: t('meetings.col.place'), cell: (m) => m.location ?? (m.videoLink ? t('meetings.videoLink') : '') },
        {
          header: t('meetings.col.items'),
          cell: (m) => (
            <>
              {m.agendaItems}
              <Show when={m.openProposals > 0}>
                {' '}
                <Status tone="warning">{t('meetings.proposalsWaiting', { n: m.openProposals })}</Status>
              </Show>
            </>
          ),
        },
        {
          header: t('meetings.col.status'),
          cell: (m) => (
            <>
              <Status tone={statusTone(m.status)}>{meetingStatusLabel(m.status)}</Status>
              <Show when={m.minutesStatus}>
                {(s) => (
                  <>
                    {' '}
                    <Status tone="neutral">{minutesStatusLabel(s())}</Status>
                  </>
                )}
              </Show>
            </>
          ),
        },
      ]}
    />
  );
}

function NewMeeting() {
  const navigate = useNavigate();
  const [date, setDate] = createSignal(today(7));
  const [time, setTime] = createSignal('09:30');
  const [location, setLocation] = createSignal('');
  const [videoLink, setVideoLink] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [duration, setDuration] = createSignal('120');
  const action = createAction(() =>
    withConfirmation(
      (confirmPast) =>
        api.meetings.create.mutate({
          startsAt: amsterdamToIso(date(), time()),
          location: location() || null,
          videoLink: videoLink() || null,
          title: title() || null,
          durationMinutes: Number(duration()) || 120,
          confirmPast,
        }),
      pastDateQuestion,
    ),
  );
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const res = await action.run();
    if (res) navigate(`/overleggen/${res.id}`);
  };
  return (
    <section class="card stack">
      <h2 class="utrecht-heading-2">{t('meetings.new')}</h2>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <MeetingDetailsFields
          date={{ value: date, set: setDate }}
          time={{ value: time, set: setTime }}
          duration={{ value: duration, set: setDuration }}
          title={{ value: title, set: setTitle }}
          location={{ value: location, set: setLocation }}
          videoLink={{ value: videoLink, set: setVideoLink }}
          titleRequired={false}
          error={action.field}
        />
        <Button type="submit" variant="primary" busy={action.busy()}>
          {t('meetings.create')}
        </Button>
      </form>
    </section>
  );
}

function NewSeries(props: { onDone: (n: number) => void }) {
  const [weekday, setWeekday] = createSignal('2');
  const [time, setTime] = createSignal('09:30');
  const [every, setEvery] = createSignal('2');
  const [from, setFrom] = createSignal(today(1));
  const [until, setUntil] = createSignal(today(180));
  const [location, setLocation] = createSignal('');
  const action = createAction(() =>
    api.meetings.createSeries.mutate({
      weekday: Number(weekday()),
      time: time(),
      intervalWeeks: Number(every()),
      from: from(),
      until: until(),
      location: location() || null,
    }),
  );
  const submitSeries = async (e: SubmitEvent) => {
    e.preventDefault();
    const res = await action.run();
    if (res) props.onDone(res.ids.length);
  };
  return (
    <details class="card">
      <summary>
        <h2 class="utrecht-heading-2" style={{ display: 'inline' }}>
          {t('meetings.newSeries')}
        </h2>
      </summary>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={(e) => void submitSeries(e)}>
        <div class="row">
          <SelectField
            label={t('meetings.seriesWeekday')}
            value={weekday()}
            onChange={(e) => setWeekday(e.currentTarget.value)}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`meetings.weekday.${d}` as TextKey) }))}
          />
          <TextField
            label={t('meetings.time')}
            type="time"
            required
            value={time()}
            onInput={(e) => setTime(e.currentTarget.value)}
            error={action.field('time')}
          />
          <TextField
            label={t('meetings.seriesInterval')}
            type="number"
            min="1"
            max="8"
            value={every()}
            onInput={(e) => setEvery(e.currentTarget.value)}
            error={action.field('intervalWeeks')}
          />
        </div>
        <div class="row">
          <TextField
            label={t('meetings.seriesFrom')}
            type="date"
            required
            value={from()}
            onInput={(e) => setFrom(e.currentTarget.value)}
            error={action.field('from')}
          />
          <TextField
            label={t('meetings.seriesUntil')}
            type="date"
            required
            value={until()}
            onInput={(e) => setUntil(e.currentTarget.value)}
            error={action.field('until')}
          />
          <TextField label={t('meetings.location')} optional value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
        </div>
        <Button type="submit" variant="primary" busy={action.busy()}>
          {t('meetings.seriesCreate')}
        </Button>
      </form>
    </details>
  );
}

function CalendarFeed() {
  const [url, setUrl] = createSignal<string | null>(null);
  const action = createAction((rotate: boolean) => api.meetings.calendarFeed.mutate({ rotate }));
  const load = async (rotate: boolean) => {
    const res = await action.run(rotate);
    if (res) setUrl(`${location.origin}${res.path}`);
  };
  return (
    <section class="card stack">
      <h2 class="utrecht-heading-2">{t('meetings.feed')}</h2>
      <p class="utrecht-paragraph">{t('meetings.feedIntro')}</p>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <Show
        when={url()}
        fallback={
          <Button onClick={() => void load(false)} busy={action.busy()}>
            {t('meetings.feedShow')}
          </Button>
        }
      >
        {(u) => (
          <>
            <TextField label={t('meetings.feedLabel')} readOnly value={u()} class="feed-url" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="subtle" onClick={() => void load(true)} busy={action.busy()}>
              {t('meetings.feedRotate')}
            </Button>
          </>
        )}
      </Show>
    </section>
  );
}
