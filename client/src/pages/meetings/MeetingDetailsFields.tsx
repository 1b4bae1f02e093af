// The details of one overleg — when, how long, what it is called, where — as the new-overleg form
// and the edit form both ask them. The forms differ only in whether the title is required (a new
// overleg gets the series' title when left empty).
import { TextField } from '../../components/Form';
import { t } from '../../i18n';

type Value = { value: () => string; set: (value: string) => void };

export function MeetingDetailsFields(props: {
  date: Value;
  time: Value;
  duration: Value;
  title: Value;
  location: Value;
  videoLink: Value;
  titleRequired: boolean;
  error: (field: string) => string | undefined;
}) {
  return (
    <>
      <div class="row">
        <TextField
          label={t('meetings.date')}
          type="date"
          required
          value={props.date.value()}
          onInput={(e) => props.date.set(e.currentTarget.value)}
          error={props.error('startsAt')}
        />
        <TextField
          label={t('meetings.time')}
          type="time"
          required
          value={props.time.value()}
          onInput={(e) => props.time.set(e.currentTarget.value)}
        />
        <TextField
          label={t('meetings.duration')}
          type="number"
          min="5"
          max="600"
          value={props.duration.value()}
          onInput={(e) => props.duration.set(e.currentTarget.value)}
          error={props.error('durationMinutes')}
        />
      </div>
      <div class="row">
        <TextField
          label={t('meetings.titleField')}
          required={props.titleRequired}
          optional={!props.titleRequired}
          value={props.title.value()}
          onInput={(e) => props.title.set(e.currentTarget.value)}
          error={props.error('title')}
        />
        <TextField
          label={t('meetings.location')}
          optional
          value={props.location.value()}
          onInput={(e) => props.location.set(e.currentTarget.value)}
          error={props.error('location')}
        />
        <TextField
          label={t('meetings.videoLink')}
          optional
          type="url"
          value={props.videoLink.value()}
          onInput={(e) => props.videoLink.set(e.currentTarget.value)}
          error={props.error('videoLink')}
        />
      </div>
    </>
  );
}
