// The betrokkenen of a casus: per betrokkene its items (masked BSN revealed on request), whether
// they were informed, and for members the forms to add a betrokkene or items.
import { createMemo, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { hasRole } from '../../../lib/session';
import { formatItemValue } from '../../../lib/dates';
import { t } from '../../../i18n';
import { Alert, Button, Status } from '../../../components/Form';
import { SubjectTable } from '../../../components/SubjectTable';
import { ItemChange, mayChangeItem } from '../ItemChange';
import { Informed } from './Informed';
import { AddSubject } from './AddSubject';
import { AddItems } from './AddItems';
import type { Casus, OnChange, Partner } from './types';

export function Subjects(props: {
  casus: Casus;
  partners: Partner[];
  partnerName: Map<number, string>;
  covenantActive: boolean;
  onChange: OnChange;
}) {
  // Item ids are opaque strings (they never reveal hidden or police items).
  const [revealed, setRevealed] = createStore<Record<string, string>>({});
  const reveal = createAction(async (itemId: string) => {
    const { value } = await api.subjects.revealBsn.mutate({ itemId });
    setRevealed(itemId, value);
  });
  const policeIds = createMemo(() => new Set(props.partners.filter((p) => p.kind === 'politie').map((p) => p.id)));
  return (
    <section class="stack" aria-labelledby="subjects-heading">
      <h2 class="utrecht-heading-2" id="subjects-heading">
        {t('subjects.title')}
      </h2>
      <p class="utrecht-paragraph muted">{t('subjects.privacyNote')}</p>
      <Show when={reveal.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <For each={props.casus.subjects} fallback={<p class="utrecht-paragraph">{t('subjects.none')}</p>}>
        {(s, i) => (
          <div class="stack" data-testid="subject">
            <SubjectTable
              kind={s.kind}
              n={i() + 1}
              rows={s.items.map((item) => ({
                category: item.category,
                source: props.partnerName.get(item.sourcePartnerId) ?? '',
                police: policeIds().has(item.sourcePartnerId),
                value: () => (
                  <>
                    {item.erased ? t('item.erased') : (revealed[item.id] ?? formatItemValue(item.category, item.value))}
                    <Show when={item.restricted}>
                      {' '}
                      <Status tone="warning">{t('item.restricted')}</Status>
                    </Show>
                    <Show when={item.masked && !revealed[item.id]}>
                      {' '}
                      <Button variant="subtle" aria-label={t('subjects.revealLabel')} onClick={() => void reveal.run(item.id)}>
                        {t('subjects.reveal')}
                      </Button>
                    </Show>
                    <Show when={mayChangeItem(item) && props.casus.status !== 'ingetrokken'}>
                      <ItemChange item={item} onChange={props.onChange} />
                    </Show>
                  </>
                ),
              }))}
            />
            <Informed
              subject={s}
              mayRecord={props.casus.mayRecordInforming}
              policeOnly={s.items.length > 0 && s.items.every((item) => policeIds().has(item.sourcePartnerId))}
              onChange={props.onChange}
            />
            <Show when={hasRole('coordinator', 'member') && props.covenantActive && props.casus.status !== 'ingetrokken'}>
              <AddItems subjectId={s.id} n={i() + 1} partners={props.partners} onChange={props.onChange} />
            </Show>
          </div>
        )}
      </For>
      <Show when={hasRole('coordinator', 'member') && props.casus.status !== 'ingetrokken'}>
        <Show when={props.covenantActive} fallback={<p class="utrecht-paragraph notice">{t('subjects.covenantEnded')}</p>}>
          <AddSubject casus={props.casus} partners={props.partners} onChange={props.onChange} />
        </Show>
      </Show>
    </section>
  );
}
