/* @refresh reload */
import { render } from 'solid-js/web';
import './utrecht.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
// The theme's typefaces, self-hosted (fonts.css).
import './fonts.css';
import './styles.css';
import App from './app';
import { textsReady } from './i18n';
import { handOver, shellShown, staticShell, takeOver } from './lib/static-shell';

const root = document.getElementById('app')!;
// /inloggen arrives with its first screen as static HTML (lib/static-shell.ts): the app draws in
// its place once the browser has shown it.
const shell = staticShell(root);

// Dutch is in the entry; someone who chose English waits for that one small chunk.
void Promise.all([textsReady, shell && shellShown(shell)]).then(() => {
  const handover = shell && takeOver(shell);
  render(() => <App />, root);
  if (handover) handOver(root, handover);
});
