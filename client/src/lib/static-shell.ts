// The static first screen of /inloggen (client/login-shell.html, issue 12: login LCP) and its
// hand-over to the live app. The browser paints that screen from the HTML and CSS alone; the app
// then draws the same screen in its place, taking over what the person already did there: typed
// values, the focused field, and a click on the button or Enter (remembered by public/login-shell.js:
// the static form cannot be sent).

type Handover = { values: [string, string][]; focus: string | null; submit: boolean };

export function staticShell(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>(':scope > .static-shell');
}

/** A paint of an element marked with `elementtiming` (Element Timing API; not in TypeScript's DOM types). */
type ElementPaint = PerformanceEntry & { element: Element | null };

/**
 * Resolves once the browser has painted the static screen's large texts (the heading and intro,
 * marked `elementtiming` in login-shell.html). Replacing the screen sooner would drop their paint
 * from the page's largest-contentful-paint record, and the live copies would count as the largest
 * paint instead, late. Not at the first paint: a text waits for its font's block period
 * (fonts.css) while the header may already be drawn. Hidden screens (a background tab,
 * English) do not wait; a browser without Element Timing waits one frame; `limit` caps the wait.
 */
export function shellShown(shell: HTMLElement, limit = 1000): Promise<void> {
  if (document.visibilityState !== 'visible' || getComputedStyle(shell).visibility === 'hidden') return Promise.resolve();
  if (!PerformanceObserver.supportedEntryTypes?.includes('element'))
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const marked = [...shell.querySelectorAll('[elementtiming]')];
  const painted = new Set<Element>();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, limit);
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ElementPaint[]) if (entry.element) painted.add(entry.element);
      if (marked.every((element) => painted.has(element))) done();
    });
    observer.observe({ type: 'element', buffered: true });
  });
}

/** Reads what the person did on the static screen and removes it. */
export function takeOver(shell: HTMLElement): Handover {
  const values = [...shell.querySelectorAll('input')]
    .filter((input) => input.value)
    .map((input) => [input.name, input.value] as [string, string]);
  const active = document.activeElement;
  const focus = active instanceof HTMLInputElement && shell.contains(active) ? active.name : null;
  shell.remove();
  return { values, focus, submit: shell.hasAttribute('data-submit') };
}

/** Gives it to the live screen: the values through its input handlers, then focus and submit. */
export function handOver(root: HTMLElement, handover: Handover) {
  for (const [name, value] of handover.values) {
    const input = root.querySelector<HTMLInputElement>(`form input[name="${name}"]`);
    if (!input || input.value) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (handover.focus) root.querySelector<HTMLInputElement>(`form input[name="${handover.focus}"]`)?.focus();
  if (handover.submit) root.querySelector('form')?.requestSubmit();
}
