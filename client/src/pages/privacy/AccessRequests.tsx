// P14 (art. 20.1, 20.11; issue 11 item 9): a partner not involved in a casus asked access to its
// betrokkenen with a reason; the FG reviews who asked what and why.
import { A } from '@solidjs/router';
import { createResource } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDateTime, t } from '../../i18n';
import { DataTable } from '../../components/DataTable';

export default function AccessRequests() {
  const [list] = createResource(() => api.access.list.query());
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('fg.access.title')}
      </h1>
      <p class="utrecht-paragraph">{t('fg.access.intro')}</p>
      <DataTable
        caption={t('fg.access.caption', { n: list()?.length ?? 0 })}
        resource={list}
        empty={t('fg.access.none')}
        columns={[
          { header: t('fg.corrections.at'), cell: (r) => formatDateTime(r.requestedAt) },
          {
            header: t('fg.corrections.case'),
            cell: (r) => (
              <>
                <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                  {r.caseCode}
                </A>
              </>
            ),
          },
          {
            header: t('fg.access.who'),
            cell: (r) => (
              <>
                {r.partner} — {r.user}
              </>
            ),
          },
          { header: t('fg.corrections.reason'), cell: (r) => r.reason },
        ]}
      />
    </section>
  );
}
