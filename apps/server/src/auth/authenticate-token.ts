import type { Role, Store } from '../store/store.js';
import { hashToken, isWellFormedToken } from './token.js';

export interface Principal {
  tenant: { id: string; name: string };
  role: Role;
  tokenId: string;
  name: string;
  /** Set for a device token bound to one device. */
  device: string | null;
}

/** `last_used_at` is written at most this often per token (not on every request). */
const TOUCH_INTERVAL_MS = 60_000;
const touched = new WeakMap<Store, Map<string, number>>();

function touch(store: Store, tokenId: string): void {
  let times = touched.get(store);
  if (!times) {
    times = new Map();
    touched.set(store, times);
  }
  const now = Date.now();
  if (now - (times.get(tokenId) ?? 0) < TOUCH_INTERVAL_MS) return;
  times.set(tokenId, now);
  // Best effort: a failed write never fails the request.
  store.touchToken({ id: tokenId, at: new Date(now).toISOString() }).catch(() => {});
}

/** Looks a presented token up by its hash. Revoked, unknown or malformed tokens give undefined. */
export async function authenticateToken(options: {
  store: Store;
  token: string | undefined;
}): Promise<Principal | undefined> {
  const token = options.token?.trim();
  if (!token || !isWellFormedToken(token)) return undefined;
  const record = await options.store.findTokenByHash({ hash: hashToken(token) });
  if (!record || record.revokedAt) return undefined;
  touch(options.store, record.id);
  return {
    tenant: { id: record.tenantId, name: record.tenantName },
    role: record.role,
    tokenId: record.id,
    name: record.name,
    device: record.device,
  };
}
