import { Router } from '@solidjs/router';
import Layout from './components/Layout';
import { routes } from './routes';
import Login from './pages/auth/Login';
import NotFound from './pages/NotFound';
import { page } from './lib/page';

// The login page is in the entry: it is the first screen, drawn without waiting for anything.
const Activate = page(() => import('./pages/auth/Activate'));

export default function App() {
  return (
    <Router root={Layout}>
      {[
        { path: '/inloggen', component: Login },
        { path: '/activeren', component: Activate },
        ...routes,
        { path: '*', component: NotFound },
      ]}
    </Router>
  );
}
