import { Hono } from 'hono';
import type { Store } from '../store/store.js';

export interface CreateDashboardOptions {
  store: Store;
}

/** The server-rendered dashboard (placeholder: the dashboard engineer owns this file). */
export function createDashboard(_options: CreateDashboardOptions): Hono {
  return new Hono();
}
