// The reference for the login LCP (test/bench/client.ts): the same heading, intro and form as the
// login page, drawn by bare Solid with no router, data, styles or translations.
import { render } from 'solid-js/web';

function Login() {
  return (
    <main>
      <h1>Inloggen bij Overleg</h1>
      <p>Het werkoverleg van het interventieteam: agenda, werkafspraken, taken en verslag.</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          E-mailadres <input type="email" name="email" />
        </label>
        <label>
          Wachtwoord <input type="password" name="password" />
        </label>
        <button type="submit">Inloggen</button>
      </form>
    </main>
  );
}

render(() => <Login />, document.getElementById('app')!);
