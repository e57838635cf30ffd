import { generateToken } from '../auth/token.js';
import type { Role, Store } from '../store/store.js';

/** Creates a token for a tenant (created on demand) and returns the secret. */
export async function createTestToken(options: {
  store: Store;
  tenant: string;
  role: Role;
  name?: string;
  device?: string;
}): Promise<string> {
  const tenant = await options.store.ensureTenant({ name: options.tenant });
  const token = generateToken();
  await options.store.createToken({
    tenantId: tenant.id,
    role: options.role,
    name: options.name ?? `${options.role} test`,
    prefix: token.prefix,
    hash: token.hash,
    ...(options.device ? { device: options.device } : {}),
  });
  return token.token;
}
