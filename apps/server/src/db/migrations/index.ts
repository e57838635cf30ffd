import type { Migration } from 'kysely/migration';
import * as dashboardWebSessions from '../../dashboard/db/web-sessions-migration.js';
import * as initial from './001-initial.js';
import * as leanEventIndexes from './003-lean-event-indexes.js';
import * as denialReopen from './004-denial-reopen.js';
import * as tokenDevice from './005-token-device.js';

/**
 * Every migration, in order. Names sort in application order; an applied migration is never
 * edited, a change is a new entry. The dashboard appends its own here.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-dashboard-web-sessions': dashboardWebSessions,
  '003-lean-event-indexes': leanEventIndexes,
  '004-denial-reopen': denialReopen,
  '005-token-device': tokenDevice,
};
