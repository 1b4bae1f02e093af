// Attendance per partner (issue 9.1). A native radio group per partner: arrow keys move between
// the three statuses and each choice saves at once. Rows are keyed by partner id, so a save or a
// live update never re-creates a row and focus stays where the chair is. The screen shows what
// the server stored: its answer to each save, or the newer state from the overleg itself.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { api, errorMessage } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, CheckboxField } from '../../components/Form';
import { DataTable } from '../../components/DataTable';
import { attendanceLabel, type Meeting } from './shared';
import { attendanceStatuses as statuses } from '../../../../db/schema/enums';

type Status = (typeof statuses)[number];
type Row = Meeting['attendance'][number];
type Stored = { status: Status | null; attendeeUserIds: number[]; updatedAt: string | null };

export function Attendance(props: { meeting: Pick<Meeting, 'id' | 'attendance'>; onChange: (message?: string) => void }) {
  const coordinator = () => hasRole('coordinator');
  const [members] = createResource(
    () => (coordinator() ? 'load' : false),
    () => api.team.members.query(),
  );
  const membersOf = (partnerId: number) => (members() ?? []).filter((u) => u.partnerId === partnerId && u.role === 'member' && !u.disabled);
  // Per partner: the server's answer to our last save, and the choice still being saved.
  // Plain signals with new objects per change (a store would merge choices into one object).
  type Choice = { status: Status; attendeeUserIds: number[] };
  const [savedMap, setSavedMap] = createSignal<Record<number, Stored>>({});
  const [pendingMap, setPendingMap] = createSignal<Record<number, Choice | undefined>>({});
  const [errorMap, setErrorMap] = createSignal<Record<number, string | undefined>>({});
  const saved = (id: number) => savedMap()[id];
  const pending = (id: number) => pendingMap()[id];
  const setSaved = (id: number, v: Stored) => setSavedMap((m) => ({ ...m, [id]: v }));
  const setPending = (id: number, v: Choice | undefined) => setPendingMap((m) => ({ ...m, [id]: v }));
  const setErrors = (id: number, v: string | undefined) => setErrorMap((m) => ({ ...m, [id]: v }));
  const inFlight = new Set<number>();

  // Primitive keys: <For> keeps each row's DOM for as long as the partner is listed.
  const partnerIds = createMemo(() => props.meeting.attendance.map((a) => a.partnerId), [], { equals: (a, b) => a.join() === b.join() });
  const rowOf = (partnerId: number) => props.meeting.attendance.find((a) => a.partnerId === partnerId);
  const partnerName = (partnerId: number) => rowOf(partnerId)?.partnerName ?? '';

  /** The stored state: the newer of the overleg's data and the server's answer to a save. */
  const stored = (partnerId: number): Stored => {
    const row = rowOf(partnerId);
    const fromMeeting: Stored = {
      status: (row?.status as Status | null) ?? null,
      attendeeUserIds: row?.attendees.map((x) => x.id) ?? [],
      updatedAt: row?.updatedAt ?? null,
    };
    const answer = saved(partnerId);
    return answer && (fromMeeting.updatedAt === null || answer.updatedAt! >= fromMeeting.updatedAt) ? answer : fromMeeting;
  };
  const shown = (partnerId: number) => pending(partnerId) ?? stored(partnerId);
  const attendeeNames = (row: Row | undefined, ids: number[]) => {
    const names = new Map([
      ...(row?.attendees ?? []).map((x) => [x.id, x.name] as const),
      ...(members() ?? []).map((u) => [u.id, u.name] as const),
    ]);
    return ids
      .map((id) => names.get(id) ?? '')
      .filter(Boolean)
      .join(', ');
  };

  /** Saves the latest choice; choices made while a save runs are sent after it, the last one wins. */
  async function save(partnerId: number, choice: Choice) {
    setPending(partnerId, choice);
    setErrors(partnerId, undefined);
    if (inFlight.has(partnerId)) return;
    inFlight.add(partnerId);
    try {
      let sent: Choice | undefined;
      while (pending(partnerId) && pending(partnerId) !== sent) {
        sent = pending(partnerId)!;
        const answer = await api.attendance.set.mutate({ meetingId: props.meeting.id, partnerId, ...sent });
        setSaved(partnerId, { status: answer.status, attendeeUserIds: answer.attendeeUserIds, updatedAt: answer.updatedAt });
      }
      props.onChange();
    } catch (error) {
      setErrors(partnerId, errorMessage(error, t('app.networkError')));
    } finally {
      // Saved or refused: from here on the screen shows what the server holds.
      setPending(partnerId, undefined);
      inFlight.delete(partnerId);
    }
  }

  function choose(partnerId: number, status: Status) {
    const current = shown(partnerId);
    const attendees =
      status !== 'aanwezig'
        ? []
        : current.attendeeUserIds.length > 0
          ? current.attendeeUserIds
          : membersOf(partnerId)
              .slice(0, 1)
              .map((u) => u.id);
    void save(partnerId, { status, attendeeUserIds: attendees });
  }

  return (
    <section class="card stack" id="attendance" tabindex="-1" aria-labelledby="attendance-title">
      <h2 class="utrecht-heading-2" id="attendance-title">
        {t('attendance.title')}
      </h2>
      {/* Rows are the partner ids (primitive keys): a row keeps its DOM, and the focus in it, across saves. */}
      <DataTable
        caption={t('attendance.caption')}
        hideCaption
        rows={partnerIds()}
        empty=""
        rowTestId="attendance-row"
        columns={[
          {
            header: t('attendance.partner'),
            rowHeader: true,
            cell: (partnerId) => (
              <>
                {partnerName(partnerId)}
                {/* What the partner sent beforehand (issue 9.13); the chair's choice below wins. */}
                <Show when={rowOf(partnerId)?.announcement}>
                  {(a) => (
                    <span class="muted" data-testid="attendance-announced">
                      <br />
                      {`${t('attendance.announced')}: ${a().kind === 'afgemeld' ? attendanceLabel('afgemeld') : t('regrets.kindDelegate')}${a().reason ? ` (${a().reason})` : ''}`}
                    </span>
                  )}
                </Show>
              </>
            ),
          },
          {
            header: t('attendance.status'),
            cell: (partnerId) => (
              <Show
                when={coordinator()}
                fallback={shown(partnerId).status ? attendanceLabel(shown(partnerId).status!) : t('attendance.unknown')}
              >
                <fieldset class="attendance-choice">
                  <legend class="visually-hidden">{`${t('attendance.status')}: ${partnerName(partnerId)}`}</legend>
                  <For each={statuses}>
                    {(status) => (
                      <label class="attendance-option">
                        <input
                          type="radio"
                          class="utrecht-radio-button utrecht-radio-button--html-input"
                          name={`attendance-${partnerId}`}
                          value={status}
                          checked={shown(partnerId).status === status}
                          onChange={() => choose(partnerId, status)}
                        />{' '}
                        {attendanceLabel(status)}
                      </label>
                    )}
                  </For>
                  <span class="muted attendance-state" aria-live="polite" data-testid="attendance-state">
                    {pending(partnerId) ? t('attendance.saving') : shown(partnerId).status ? '' : t('attendance.unknown')}
                  </span>
                </fieldset>
                <Show when={errorMap()[partnerId]}>{(e) => <Alert kind="error">{e()}</Alert>}</Show>
              </Show>
            ),
          },
          {
            header: t('attendance.who'),
            cell: (partnerId) => (
              <>
                <Show when={rowOf(partnerId)?.expectedAttendee && shown(partnerId).status === null}>
                  <span data-testid="attendance-expected">{`${t('attendance.expected')}: ${rowOf(partnerId)!.expectedAttendee!.name}`}</span>
                </Show>
                <Show
                  when={coordinator() && shown(partnerId).status === 'aanwezig'}
                  fallback={attendeeNames(rowOf(partnerId), shown(partnerId).attendeeUserIds)}
                >
                  <For each={membersOf(partnerId)} fallback={attendeeNames(rowOf(partnerId), shown(partnerId).attendeeUserIds)}>
                    {(u) => (
                      <CheckboxField
                        label={u.name}
                        checked={shown(partnerId).attendeeUserIds.includes(u.id)}
                        onChange={(checked) => {
                          const ids = new Set(shown(partnerId).attendeeUserIds);
                          if (checked) ids.add(u.id);
                          else ids.delete(u.id);
                          void save(partnerId, { status: 'aanwezig', attendeeUserIds: [...ids] });
                        }}
                      />
                    )}
                  </For>
                </Show>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
