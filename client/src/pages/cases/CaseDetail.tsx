// The casus page: it loads the casus and composes its parts (detail/), each with one job; a part
// that changes something calls `done`, which shows its message and reloads the casus.
import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDate, t } from '../../i18n';
import { Alert } from '../../components/Form';
import { Loaded } from '../../components/ResourceError';
import { CorrectionNotices } from '../../components/CorrectionNotices';
import { CaseEnforcement } from './CaseEnforcement';
import { CaseAgreements } from './CaseAgreements';
import { AccessRequest } from './AccessRequest';
import { CaseHeader } from './detail/CaseHeader';
import { CaseStatusActions } from './detail/CaseStatusActions';
import { CaseFacts } from './detail/CaseFacts';
import { Subjects } from './detail/Subjects';
import { CaseTasks } from './detail/CaseTasks';
import { CaseHistory } from './detail/CaseHistory';

export default function CaseDetail() {
  const params = useParams<{ id: string }>();
  const [casus, { refetch }] = createResource(
    () => Number(params.id),
    (id) => api.cases.get.query({ id }),
  );
  const [partners] = createResource(() => api.partners.list.query());
  const [team] = createResource(() => api.team.get.query());
  const partnerName = createMemo(() => new Map((partners() ?? []).map((p) => [p.id, p.name])));
  const [flash, setFlash] = createSignal<string | null>(null);
  const done = (message?: string) => {
    setFlash(message ?? null);
    void refetch();
  };

  return (
    <Loaded resource={casus} back={{ href: '/casussen', label: t('resource.backToCases') }}>
      {(c) => (
        <article class="stack">
          <CaseHeader casus={c()} />
          <div aria-live="polite">
            <Show when={flash()}>{(m) => <Alert kind="ok">{m()}</Alert>}</Show>
          </div>
          <Show when={c().withdrawnAt}>
            <p class="utrecht-paragraph notice" role="note">
              {t('withdraw.notice', { date: formatDate(c().withdrawnAt), reason: c().withdrawReason ?? '' })}
            </p>
          </Show>
          <Show when={hasRole('coordinator') && c().status !== 'ingetrokken'}>
            <CaseStatusActions casus={c()} onChange={done} />
          </Show>
          <CaseFacts casus={c()} />
          <Show when={hasRole('coordinator', 'member')}>
            <CorrectionNotices caseId={c().id} />
          </Show>
          <Show when={!c().involved}>
            <AccessRequest caseId={c().id} onChange={done} />
          </Show>
          <Subjects
            casus={c()}
            partners={partners() ?? []}
            partnerName={partnerName()}
            covenantActive={team()?.covenant.active ?? true}
            onChange={done}
          />
          <CaseAgreements casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <CaseTasks casus={c()} partners={partners() ?? []} partnerName={partnerName()} onChange={done} />
          <CaseEnforcement caseId={c().id} />
          <CaseHistory history={c().history} />
        </article>
      )}
    </Loaded>
  );
}
