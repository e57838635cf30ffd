import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'wdn_';
/** Characters of a token kept for listing: enough to tell tokens apart, far too few to use one. */
const LISTED_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: tokenPrefix(token), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenPrefix(token: string): string {
  return token.slice(0, LISTED_PREFIX_LENGTH);
}

/** A token as users paste it: `wdn_` then 43 base64url characters. */
export function isWellFormedToken(token: string): boolean {
  return /^wdn_[A-Za-z0-9_-]{43}$/.test(token);
}
