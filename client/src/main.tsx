/* @refresh reload */
import { render } from 'solid-js/web';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './styles.css';
import App from './app';

render(() => <App />, document.getElementById('app')!);
