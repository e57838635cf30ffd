/** Who is signed in to the dashboard: a web session opened with an admin or viewer token. */
export interface DashboardUser {
  tenant: string;
  role: 'admin' | 'viewer';
  /** The token's id or name, shown as "who" on triage. */
  name: string;
  sessionId: string;
}
