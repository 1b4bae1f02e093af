import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { formatDateTime, t, today, type TextKey } from '../../i18n';
import { Alert, Button, SelectField, Status, TextField } from '../../components/Form';
import { pastDateQuestion, withConfirmation } from '../../components/ConfirmDialog';
import { amsterdamToIso, meetingStatusLabel, minutesStatusLabel, statusTone, type MeetingSummary } from './shared';

export default function MeetingList() {
  const [list, { refetch }] = createResource(() => api.meetings.list.query());
  const [flash, setFlash] = createSignal<string | null>(null);
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('meetings.title')}</h1>
      <div aria-live="polite"><Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show></div>
      <Show when={list.error}><Alert kind="error">{t('app.networkError')}</Alert></Show>
      <Show when={list()} fallback={<p class="utrecht-paragraph" role="status">{t('app.loading')}</p>}>
        {(l) => (
          <>
            <MeetingTable caption={t('meetings.upcoming')} rows={l().upcoming} />
            <MeetingTable caption={t('meetings.past')} rows={l().past} />
          </>
        )}
      </Show>
      <Show when={hasRole('coordinator')}>
        <NewMeeting />
        <NewSeries onDone={(n) => { setFlash(t('meetings.seriesCreated', { n })); void refetch(); }} />
      </Show>
      <CalendarFeed />
    </section>
  );
}

function MeetingTable(props: { caption: string; rows: MeetingSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('meetings.col.when')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('meetings.col.title')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('meetings.col.place')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('meetings.col.items')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('meetings.col.status')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For each={props.rows} fallback={<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="5">{t('meetings.none')}</td></tr>}>
            {(m) => (
              <tr class="utrecht-table__row" data-testid="meeting-row">
                <td class="utrecht-table__cell">{formatDateTime(m.startsAt)}</td>
                <td class="utrecht-table__cell"><A class="utrecht-link" href={`/overleggen/${m.id}`}>{m.title}</A></td>
                <td class="utrecht-table__cell">{m.location ?? (m.videoLink ? t('meetings.videoLink') : '')}</td>
                <td class="utrecht-table__cell">
                  {m.agendaItems}
                  <Show when={m.openProposals > 0}> <Status tone="warning">{t('meetings.proposalsWaiting', { n: m.openProposals })}</Status></Show>
                </td>
                <td class="utrecht-table__cell">
                  <Status tone={statusTone(m.status)}>{meetingStatusLabel(m.status)}</Status>
                  <Show when={m.minutesStatus}>{(s) => <> <Status tone="neutral">{minutesStatusLabel(s())}</Status></>}</Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
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
  const action = createAction(() => withConfirmation((confirmPast) => api.meetings.create.mutate({
    startsAt: amsterdamToIso(date(), time()), location: location() || null, videoLink: videoLink() || null, title: title() || null,
    durationMinutes: Number(duration()) || 120, confirmPast,
  }), pastDateQuestion));
  return (
    <section class="card stack">
      <h2 class="utrecht-heading-2">{t('meetings.new')}</h2>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={async (e) => {
        e.preventDefault();
        const res = await action.run();
        if (res) navigate(`/overleggen/${res.id}`);
      }}>
        <div class="row">
          <TextField label={t('meetings.date')} type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} error={action.field('startsAt')} />
          <TextField label={t('meetings.time')} type="time" required value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
          <TextField label={t('meetings.duration')} type="number" min="5" max="600" value={duration()} onInput={(e) => setDuration(e.currentTarget.value)} error={action.field('durationMinutes')} />
        </div>
        <div class="row">
          <TextField label={t('meetings.location')} optional value={location()} onInput={(e) => setLocation(e.currentTarget.value)} error={action.field('location')} />
          <TextField label={t('meetings.videoLink')} optional type="url" value={videoLink()} onInput={(e) => setVideoLink(e.currentTarget.value)} error={action.field('videoLink')} />
          <TextField label={t('meetings.titleField')} optional value={title()} onInput={(e) => setTitle(e.currentTarget.value)} error={action.field('title')} />
        </div>
        <Button type="submit" variant="primary" busy={action.busy()}>{t('meetings.create')}</Button>
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
  const action = createAction(() => api.meetings.createSeries.mutate({
    weekday: Number(weekday()), time: time(), intervalWeeks: Number(every()), from: from(), until: until(), location: location() || null,
  }));
  return (
    <details class="card">
      <summary><h2 class="utrecht-heading-2" style={{ display: 'inline' }}>{t('meetings.newSeries')}</h2></summary>
      <Show when={action.error()}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
      <form class="stack" onSubmit={async (e) => {
        e.preventDefault();
        const res = await action.run();
        if (res) props.onDone(res.ids.length);
      }}>
        <div class="row">
          <SelectField label={t('meetings.seriesWeekday')} value={weekday()} onChange={(e) => setWeekday(e.currentTarget.value)}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`meetings.weekday.${d}` as TextKey) }))} />
          <TextField label={t('meetings.time')} type="time" required value={time()} onInput={(e) => setTime(e.currentTarget.value)} error={action.field('time')} />
          <TextField label={t('meetings.seriesInterval')} type="number" min="1" max="8" value={every()} onInput={(e) => setEvery(e.currentTarget.value)} error={action.field('intervalWeeks')} />
        </div>
        <div class="row">
          <TextField label={t('meetings.seriesFrom')} type="date" required value={from()} onInput={(e) => setFrom(e.currentTarget.value)} error={action.field('from')} />
          <TextField label={t('meetings.seriesUntil')} type="date" required value={until()} onInput={(e) => setUntil(e.currentTarget.value)} error={action.field('until')} />
          <TextField label={t('meetings.location')} optional value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
        </div>
        <Button type="submit" variant="primary" busy={action.busy()}>{t('meetings.seriesCreate')}</Button>
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
      <Show when={url()} fallback={<Button onClick={() => load(false)} busy={action.busy()}>{t('meetings.feedShow')}</Button>}>
        {(u) => (
          <>
            <TextField label={t('meetings.feedLabel')} readOnly value={u()} class="feed-url" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="subtle" onClick={() => load(true)} busy={action.busy()}>{t('meetings.feedRotate')}</Button>
          </>
        )}
      </Show>
    </section>
  );
}
