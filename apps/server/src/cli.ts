export type { RunServerCommandOptions } from './cli/run-server-command.js';
export { runServerCommand } from './cli/run-server-command.js';
