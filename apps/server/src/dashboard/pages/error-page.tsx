import type { DashboardUser } from '../dashboard-user.js';
import { Layout } from '../layout.js';

export function ErrorPage(props: {
  title: string;
  message: string;
  user?: DashboardUser;
  csrfToken?: string;
}) {
  return (
    <Layout title={props.title} nav="none" user={props.user} csrfToken={props.csrfToken}>
      <h1>{props.title}</h1>
      <p class="error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/">Back to the overview</a>
      </p>
    </Layout>
  );
}
