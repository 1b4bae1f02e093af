// The Logboek's vocabulary of actions (P6): what appendAudit records, grouped by the first segment
// of the action (the filter prefix), and how each is worded on the screen.
import { hasText, t } from '../../../i18n';

/** The actions appendAudit records, grouped by their first segment (the filter prefix). */
const actionGroups: [string, string[]][] = [
  ['personal_data', ['personal_data.read', 'personal_data.bsn_revealed', 'personal_data.created', 'personal_data.erased']],
  ['subject', ['subject.informed']],
  [
    'auth',
    [
      'auth.login',
      'auth.login.failed',
      'auth.login.throttled',
      'auth.logout',
      'auth.password.changed',
      'auth.two_factor.enabled',
      'auth.two_factor.disabled',
      'auth.two_factor.reset',
      'auth.two_factor.failed',
      'auth.two_factor.throttled',
      'auth.two_factor.recovery_used',
      'auth.two_factor.recovery_renewed',
      'auth.sessions_ended',
      'auth.account.locked',
      'auth.account.unlocked',
    ],
  ],
  ['case', ['case.created', 'case.updated', 'case.status', 'case.withdrawn']],
  ['task', ['task.created', 'task.completed', 'task.reopened', 'task.blocker', 'task.unblocked', 'task.updated', 'task.lapsed']],
  ['agreement', ['agreement.created', 'agreement.status', 'agreement.updated']],
  [
    'meeting',
    [
      'meeting.created',
      'meeting.updated',
      'meeting.removed',
      'meeting.cancelled',
      'meeting.gepubliceerd',
      'meeting.bezig',
      'meeting.gesloten',
    ],
  ],
  ['agenda', ['agenda.item_added', 'agenda.item_updated', 'agenda.item_removed', 'agenda.item_accepted', 'agenda.item_declined']],
  ['attendance', ['attendance.set']],
  [
    'minutes',
    [
      'minutes.drafted',
      'minutes.updated',
      'minutes.definitief',
      'minutes.concept',
      'minutes.vastgesteld',
      'minutes.exported',
      'minutes.distributed',
    ],
  ],
  [
    'control',
    [
      'control.planned',
      'control.updated',
      'control.cancelled',
      'control.held',
      'control.finding_added',
      'control.finding_removed',
      'control.briefing',
    ],
  ],
  ['escalation', ['escalation.raised', 'escalation.resolved']],
  ['report', ['report.exported', 'report.threshold', 'report.narrative_saved']],
  ['calendar', ['calendar.feed_created', 'calendar.feed_rotated']],
  ['sharing', ['sharing.changed']],
  ['partner', ['partner.joined', 'partner.leaving']],
  [
    'user',
    [
      'user.created',
      'user.create_refused',
      'user.role_raised',
      'user.activated',
      'user.activation_reissued',
      'user.disabled',
      'user.enabled',
    ],
  ],
  ['team', ['team.two_factor_required']],
  [
    'covenant',
    [
      'covenant.proposed',
      'covenant.approved',
      'covenant.rejected',
      'covenant.addendum_proposed',
      'covenant.addendum_approved',
      'covenant.addendum_rejected',
      'covenant.case_hand_back',
      'covenant.case_erase',
      'covenant.handback_exported',
    ],
  ],
  ['security', ['security.mass_read']],
  ['audit', ['audit.listed', 'audit.exported', 'audit.checked', 'audit.chain_broken']],
];

/** A translation where one exists; a code the client does not know yet is still shown. */
export const label = (key: string, fallback: string) => (hasText(key) ? t(key) : fallback);
export const actionLabel = (action: string) => label(`audit.action.${action}`, `${t('audit.otherAction')} (${action})`);
const groupLabel = (group: string) => label(`audit.group.${group}`, group);

/** The filter's options: each group (a prefix filter) followed by its actions. */
export const actionOptions = actionGroups.flatMap(([group, actions]) => [
  { value: group, label: t('audit.allGroup', { group: groupLabel(group) }) },
  ...actions.map((a) => ({ value: a, label: `\u00a0\u00a0· ${actionLabel(a)}` })),
]);
