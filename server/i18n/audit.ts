import type { Catalog } from './messages';

// Messages of the FG's audit log export (issue 11 item 7).
export const auditMessages = {
  'audit.exportNeedsPeriod': {
    nl: 'Kies een periode (van en tot) of een betrokkene om het logboek te exporteren.',
    en: 'Choose a period (from and to) or a data subject to export the audit log.',
  },
  'audit.exportPeriodTooLong': {
    nl: 'Een export per periode beslaat hoogstens {days} dagen. Kies een kortere periode.',
    en: 'An export by period covers at most {days} days. Choose a shorter period.',
  },
  'audit.exportTooLarge': {
    nl: 'Deze export zou meer dan {max} regels bevatten. Kies een kortere periode.',
    en: 'This export would hold more than {max} entries. Choose a shorter period.',
  },
} satisfies Catalog;
