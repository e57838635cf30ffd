export type { Principal } from './authenticate-token.js';
export { authenticateToken } from './authenticate-token.js';
export type { Permission } from './roles.js';
export { hasPermission, ROLES } from './roles.js';
export { generateToken, hashToken, isWellFormedToken, TOKEN_PREFIX, tokenPrefix } from './token.js';
