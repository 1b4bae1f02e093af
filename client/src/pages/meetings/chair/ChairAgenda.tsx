// The chair's agenda: the accepted items by section, the close step, and the keyboard shortcuts.
import { For, Show } from 'solid-js';
import { t } from '../../../i18n';
import { minutesText, sectionLabel, sections } from '../shared';
import type { Item } from './notes';

export function ChairAgenda(props: {
  items: Item[];
  currentId: number | undefined;
  closing: boolean;
  onGo: (item: Item) => void;
  onClose: () => void;
}) {
  return (
    <nav class="chair-agenda chair-agenda--sticky stack" aria-label={t('agenda.title')}>
      <For each={sections}>
        {(section) => (
          <Show when={props.items.some((i) => i.section === section)}>
            <div>
              <h2 class="utrecht-heading-4">{sectionLabel(section)}</h2>
              <ol>
                <For each={props.items.filter((i) => i.section === section)}>
                  {(item) => (
                    <li>
                      <button
                        type="button"
                        aria-current={item.id === props.currentId ? 'true' : undefined}
                        onClick={() => props.onGo(item)}
                      >
                        {item.title} <span class="muted">({minutesText(item.durationMinutes)})</span>
                      </button>
                    </li>
                  )}
                </For>
              </ol>
            </div>
          </Show>
        )}
      </For>
      <ol>
        <li>
          <button type="button" aria-current={props.closing ? 'true' : undefined} onClick={() => props.onClose()}>
            {t('chair.closeStep')}
          </button>
        </li>
      </ol>
      <Shortcuts />
    </nav>
  );
}

export function Shortcuts() {
  const keys: [string, Parameters<typeof t>[0]][] = [
    ['Alt+N', 'chair.key.next'],
    ['Alt+P', 'chair.key.prev'],
    ['Alt+1', 'chair.key.notes'],
    ['Alt+2', 'chair.key.decisions'],
    ['Alt+W', 'chair.key.agreement'],
    ['Alt+T', 'chair.key.task'],
    ['Alt+A', 'chair.key.attendance'],
    ['Ctrl+Enter', 'chair.key.submit'],
  ];
  return (
    <section class="card">
      <h2 class="utrecht-heading-4">{t('chair.shortcuts')}</h2>
      <dl class="shortcuts">
        <For each={keys}>
          {([k, label]) => (
            <>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
