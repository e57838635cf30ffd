import type { Role } from '../store/store.js';

/** What each role may do. `admin` may do everything. */
export type Permission = 'ingest' | 'decide' | 'policy:read' | 'anchors:read' | 'read' | 'admin';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  device: new Set(['ingest', 'decide', 'policy:read', 'anchors:read']),
  viewer: new Set(['read', 'policy:read', 'anchors:read']),
  admin: new Set(['ingest', 'decide', 'policy:read', 'anchors:read', 'read', 'admin']),
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export const ROLES: readonly Role[] = ['device', 'viewer', 'admin'];
