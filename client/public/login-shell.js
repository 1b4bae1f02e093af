// Runs first on /inloggen, before its static first screen is drawn (vite.config.ts loginShell,
// client/login-shell.html); a classic script because the CSP allows no inline script.
// - That screen is Dutch: for someone who chose English it stays hidden (styles.css) until the app
//   draws the English one.
// - Its button cannot send the form (a GET would put the password in the address): a click on it,
//   or Enter in a field, is remembered here and the app sends the live form (lib/static-shell.ts).
try {
  if (localStorage.getItem('overleg.locale') === 'en') document.documentElement.lang = 'en';
} catch {
  // No storage (privacy mode): Dutch, as the app itself then shows.
}
function rememberSubmit(event) {
  const target = event.target instanceof Element ? event.target : null;
  const shell = target && target.closest('.static-shell');
  if (!shell) return;
  const isButton = event.type === 'click' && target.closest('[data-shell-submit]');
  const isEnter = event.type === 'keydown' && event.key === 'Enter' && target instanceof HTMLInputElement;
  if (isButton || isEnter) shell.setAttribute('data-submit', '');
}
document.addEventListener('click', rememberSubmit, true);
document.addEventListener('keydown', rememberSubmit, true);
