// Sticky: the current item and its timer stay in view while the chair scrolls to the capture
// forms or the attendance (issue 9 item 10).
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../../i18n';
import { formatElapsed } from '../../../lib/dates';
import { Button } from '../../../components/Form';
import { sectionLabel } from '../shared';
import type { Item } from './notes';

export function ChairBar(props: {
  current: Item | null;
  startedAt: string | null | undefined;
  closing: boolean;
  busy: boolean;
  onStep: (delta: number) => void;
}) {
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  const elapsed = () => (props.startedAt ? Math.max(0, Math.floor((now() - Date.parse(props.startedAt)) / 1000)) : 0);
  return (
    <div class="chair-bar" data-testid="chair-bar">
      <div>
        <p class="utrecht-paragraph muted chair-bar__label" id="current-title">
          {props.closing ? '' : t('chair.current')}
          {!props.closing && props.current ? ` · ${sectionLabel(props.current.section)}` : ''}
        </p>
        <h2 class="utrecht-heading-3 chair-bar__title" data-testid="current-item-title">
          {props.closing ? t('chair.closeStep') : (props.current?.title ?? t('chair.noCurrent'))}
        </h2>
      </div>
      <Show when={!props.closing && props.current}>
        {(c) => (
          <p
            class="timer"
            classList={{ 'is-over': elapsed() > c().durationMinutes * 60 }}
            role="timer"
            aria-live="off"
            data-testid="chair-timer"
          >
            {t('chair.timer', { elapsed: formatElapsed(elapsed()), planned: c().durationMinutes })}
            <Show when={elapsed() > c().durationMinutes * 60}> — {t('chair.overtime')}</Show>
          </p>
        )}
      </Show>
      <div class="inline-form">
        <Button onClick={() => props.onStep(-1)} busy={props.busy} aria-keyshortcuts="Alt+P">
          ← {t('chair.prev')} <kbd>Alt+P</kbd>
        </Button>
        <Show when={!props.closing}>
          <Button variant="primary" onClick={() => props.onStep(1)} busy={props.busy} aria-keyshortcuts="Alt+N">
            {t('chair.next')} → <kbd>Alt+N</kbd>
          </Button>
        </Show>
      </div>
    </div>
  );
}
