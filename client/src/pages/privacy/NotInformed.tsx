// Informatieplicht (art. 26, issue 11 item 8): betrokkenen nobody has informed yet and with no
// recorded reason for postponing; police-only betrokkenen are left out by the server (26.3).
import { A } from '@solidjs/router';
import { createResource } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDay, t } from '../../i18n';
import { DataTable } from '../../components/DataTable';

export default function NotInformed() {
  const [list] = createResource(() => api.dsr.notInformed.query());
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('fg.informing.title')}
      </h1>
      <p class="utrecht-paragraph">{t('fg.informing.intro')}</p>
      <DataTable
        caption={t('fg.informing.caption', { n: list()?.length ?? 0 })}
        resource={list}
        empty={t('fg.informing.none')}
        columns={[
          {
            header: t('fg.informing.case'),
            cell: (r) => (
              <>
                <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                  {r.caseCode}
                </A>
              </>
            ),
          },
          { header: t('fg.informing.since'), cell: (r) => formatDay(r.since) },
        ]}
      />
    </section>
  );
}
