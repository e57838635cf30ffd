/** Who is signed in to the dashboard: a web session opened with an admin or viewer token. */
export interface DashboardUser {
  tenantId: string;
  /** The tenant's name, shown in the header. */
  tenant: string;
  role: 'admin' | 'viewer';
  /** The token's name, recorded as "who" on triage and policy changes. */
  name: string;
  /** The raw session id (from the cookie): the CSRF token derives from it. */
  sessionId: string;
}
