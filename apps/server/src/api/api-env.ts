import type { Principal } from '../auth/authenticate-token.js';

export interface ApiEnv {
  Variables: { principal: Principal };
}
