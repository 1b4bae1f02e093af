// The static first screen of /inloggen (client/login-shell.html, issue 12: login LCP) and its
// hand-over to the live app. The browser paints that screen from the HTML and CSS alone; the app
// then draws the same screen in its place, taking over what the person already did there: typed
// values, the focused field, and a click on the button or Enter (remembered by public/login-shell.js:
// the static form cannot be sent).

type Handover = { values: [string, string][]; focus: string | null; submit: boolean };

export function staticShell(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>(':scope > .static-shell');
}

/**
 * Resolves once the browser has shown the static screen: replacing it sooner would drop that paint
 * from the page's largest-contentful-paint record, and the live copy would count as the first
 * paint instead. Hidden screens (a background tab, English) do not wait; `limit` caps the wait.
 */
export function shellShown(shell: HTMLElement, limit = 1000): Promise<void> {
  if (document.visibilityState !== 'visible' || getComputedStyle(shell).visibility === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, limit);
    try {
      observer = new PerformanceObserver(done);
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
    } catch {
      // A browser without the LCP API: the limit.
    }
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
