import { dirname } from 'node:path';

export interface ClaudeEnvironmentOptions {
  /** The scripted server's URL, e.g. `server.url`. */
  baseUrl: string;
  /** The HOME the agent sees; it reads `$HOME/.claude/settings.json` and writes its transcripts there. */
  home: string;
  /** Added last, so it can override any default; an `undefined` value removes the variable. */
  extraEnv?: Record<string, string | undefined>;
}

/**
 * The complete environment for a Claude Code process (CLI or Agent SDK) that must talk only to the
 * scripted server: nothing is inherited from the test runner, like `env -i`, so a developer's real
 * API key, settings or proxy can never leak into a test or change its outcome.
 */
export function claudeEnvironment(options: ClaudeEnvironmentOptions): Record<string, string> {
  const environment: Record<string, string | undefined> = {
    // The running Node comes first so that `node hook.js` in a hook command uses the same Node as the
    // test, not whatever (possibly too old) Node the system has.
    PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: options.home,
    TERM: 'dumb',
    ANTHROPIC_BASE_URL: options.baseUrl,
    ANTHROPIC_API_KEY: 'dummy',
    // These three stop the telemetry, update checks and `/api/hello` probes that would otherwise try
    // to leave the machine.
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // As root, Claude Code refuses bypassPermissions unless it is told it runs in a sandbox.
    IS_SANDBOX: '1',
    ...options.extraEnv,
  };
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    if (value !== undefined) result[name] = value;
  }
  return result;
}
