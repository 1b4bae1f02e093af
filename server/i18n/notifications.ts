// Notification e-mails (issue 9 item 14): a link only, never personal data (P7).
import type { Catalog } from './messages';

export const notificationsMessages = {
  'notify.published.subject': { nl: 'Overleg {team} op {when}: agenda gepubliceerd', en: '{team} meeting on {when}: agenda published' },
  'notify.published.body': {
    nl: 'Goedendag,\n\nDe agenda van het overleg van {team} op {when} is gepubliceerd. De uitnodiging voor uw agenda zit als bijlage bij deze e-mail. Agenda en stukken leest u in Overleg:\n\n{link}\n\nOm privacyredenen staat de inhoud niet in deze e-mail.\n\nMet vriendelijke groet,\nde coördinator',
    en: 'Hello,\n\nThe agenda of the {team} meeting on {when} has been published. The invitation for your calendar is attached. Read the agenda and documents in Overleg:\n\n{link}\n\nFor privacy reasons the content is not included in this e-mail.\n\nKind regards,\nthe coordinator',
  },
  'notify.moved.subject': { nl: 'Overleg {team} gewijzigd: nu op {when}', en: '{team} meeting changed: now on {when}' },
  'notify.moved.body': {
    nl: 'Goedendag,\n\nHet overleg van {team} is gewijzigd (datum, tijd of plaats) en is nu op {when}. De bijgewerkte uitnodiging zit als bijlage bij deze e-mail. Alles over het overleg leest u in Overleg:\n\n{link}\n\nMet vriendelijke groet,\nde coördinator',
    en: 'Hello,\n\nThe {team} meeting has changed (date, time or place) and is now on {when}. The updated invitation is attached. Read everything about the meeting in Overleg:\n\n{link}\n\nKind regards,\nthe coordinator',
  },
  'notify.cancelled.subject': { nl: 'Overleg {team} op {when} gaat niet door', en: '{team} meeting on {when} is cancelled' },
  'notify.cancelled.body': {
    nl: 'Goedendag,\n\nHet overleg van {team} op {when} gaat niet door. Met de bijlage verdwijnt het uit uw agenda. Meer in Overleg:\n\n{link}\n\nMet vriendelijke groet,\nde coördinator',
    en: 'Hello,\n\nThe {team} meeting on {when} is cancelled. The attachment removes it from your calendar. More in Overleg:\n\n{link}\n\nKind regards,\nthe coordinator',
  },
  'notify.digest.subject': { nl: 'Uw taken in Overleg deze week', en: 'Your tasks in Overleg this week' },
  'notify.digest.body': {
    nl: 'Goedendag,\n\nHet overzicht van de open taken van {scope} ({team}):\n\n- open: {open}\n- binnen 7 dagen af te ronden: {dueSoon}\n- over de termijn: {overdue}\n\nBekijk ze in Overleg:\n\n{link}\n\nOm privacyredenen staan de taken zelf niet in deze e-mail. Dit overzicht uitzetten kan in uw profiel: {profile}\n\nMet vriendelijke groet,\nOverleg',
    en: 'Hello,\n\nThe open tasks of {scope} ({team}):\n\n- open: {open}\n- due within 7 days: {dueSoon}\n- overdue: {overdue}\n\nSee them in Overleg:\n\n{link}\n\nFor privacy reasons the tasks themselves are not included in this e-mail. You can turn this digest off in your profile: {profile}\n\nKind regards,\nOverleg',
  },
  'notify.digest.scopePartner': { nl: 'uw organisatie', en: 'your organisation' },
  'notify.digest.scopeTeam': { nl: 'het team', en: 'the team' },
  'meetings.onlyPublishedCancelled': {
    nl: 'Alleen een gepubliceerd overleg dat nog niet is begonnen kan worden afgezegd.',
    en: 'Only a published meeting that has not started can be cancelled.',
  },
} satisfies Catalog;
