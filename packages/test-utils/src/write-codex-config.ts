import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WriteCodexConfigOptions {
  /** The throwaway CODEX_HOME the test runs Codex with. */
  codexHome: string;
  /** The scripted Responses server's base URL (`startScriptedResponsesServer().baseUrl`). */
  baseUrl: string;
  /** Lines appended to the `[features]` table (the last table, so later tables stay separate). */
  features?: string;
}

/**
 * Writes `config.toml` for a headless Codex run against a scripted Responses model on loopback:
 * a mock provider with retries off (a scripted server answers once), no approval prompts, and no
 * start-up traffic (update check, analytics, plugins and apps reach github.com / chatgpt.com).
 * Returns the file's path.
 */
export function writeCodexConfig(options: WriteCodexConfigOptions): string {
  const file = path.join(options.codexHome, 'config.toml');
  const lines = [
    '# written by a Warden test (@warden/test-utils writeCodexConfig)',
    'model = "gpt-5.5"',
    'model_provider = "mock"',
    'approval_policy = "never"',
    'check_for_update_on_startup = false',
    '',
    '[analytics]',
    'enabled = false',
    '',
    '[model_providers.mock]',
    'name = "mock"',
    `base_url = "${options.baseUrl}"`,
    'wire_api = "responses"',
    'env_key = "MOCK_API_KEY"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
    '[features]',
    'plugins = false',
    'apps = false',
    ...(options.features ? [options.features] : []),
    '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}
