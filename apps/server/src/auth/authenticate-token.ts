import type { Role, Store } from '../store/store.js';
import { hashToken, isWellFormedToken } from './token.js';

export interface Principal {
  tenant: { id: string; name: string };
  role: Role;
  tokenId: string;
  name: string;
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
  return {
    tenant: { id: record.tenantId, name: record.tenantName },
    role: record.role,
    tokenId: record.id,
    name: record.name,
  };
}
