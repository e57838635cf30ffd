import { Layout } from '../layout.js';

export function LoginPage(props: { error?: string; next?: string }) {
  return (
    <Layout title="Sign in" nav="none">
      <div class="panel login">
        <h1>Sign in to Warden</h1>
        <p class="muted">Paste an admin or viewer token. Device tokens cannot sign in.</p>
        {props.error ? (
          <p class="error" role="alert" id="login-error">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={props.next ?? '/'} />
          <p>
            <label for="token">Token</label>
            <input
              id="token"
              name="token"
              type="password"
              autocomplete="off"
              required
              spellcheck={false}
              aria-describedby={props.error ? 'login-error' : undefined}
            />
          </p>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Layout>
  );
}
