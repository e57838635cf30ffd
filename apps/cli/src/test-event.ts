import os from 'node:os';
import path from 'node:path';
import { createId, type GuardEvent } from '@warden/core';

export interface TestEventOptions {
  /** A shell command: `policy test -- 'rm -rf ~'`. */
  command?: string;
  tool?: string;
  path?: string;
  url?: string;
  prompt?: string;
  /** The tool's input as JSON (`--input '{"file_path":"x"}'`). */
  input?: string;
  agent: 'claude-code' | 'codex';
  cwd: string;
  /** A native hook payload read from standard input. */
  hookJson?: string;
}

export class TestEventError extends Error {}

function expandHome(value: string, home: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(home, value.slice(1)) : value;
}

/**
 * The event `policy test` and `explain` decide: built from flags (as Claude Code would send it),
 * or parsed from a hook payload on stdin by the agent's own adapter.
 */
export async function buildTestEvent(options: TestEventOptions, env: NodeJS.ProcessEnv): Promise<GuardEvent> {
  const home = env.HOME ?? os.homedir();
  if (options.hookJson !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(options.hookJson);
    } catch (error) {
      throw new TestEventError(
        `standard input is not JSON (${(error as Error).message}); pipe one hook payload, e.g. a PreToolUse input`,
      );
    }
    const adapter =
      options.agent === 'codex'
        ? (await import('@warden/codex')).codexAdapter
        : (await import('@warden/claude-code')).claudeCodeAdapter;
    const parsed = adapter.parse(value);
    if (!parsed.success)
      throw new TestEventError(
        `not a ${options.agent} hook payload: ${String((parsed.error as Error)?.message ?? parsed.error)}`,
      );
    return parsed.event;
  }
  const base = {
    id: createId(),
    agent: options.agent,
    session: 'warden-policy-test',
    cwd: path.resolve(options.cwd),
    timestamp: new Date().toISOString(),
  };
  if (options.prompt !== undefined)
    return { ...base, hookEvent: 'UserPromptSubmit', phase: 'prompt', prompt: options.prompt };
  let name: string;
  let input: Record<string, unknown>;
  if (options.input !== undefined) {
    try {
      input = JSON.parse(options.input) as Record<string, unknown>;
    } catch (error) {
      throw new TestEventError(`--input is not JSON: ${(error as Error).message}`);
    }
    if (!options.tool) throw new TestEventError('--input needs --tool (the tool it is the input of)');
    name = options.tool;
  } else if (options.command !== undefined) {
    name = options.tool ?? 'Bash';
    input = { command: options.command };
  } else if (options.url !== undefined) {
    name = options.tool ?? 'WebFetch';
    input = { url: options.url, prompt: '' };
  } else if (options.path !== undefined) {
    name = options.tool ?? 'Read';
    const file = expandHome(options.path, home);
    input = /^(Glob|Grep|LS)$/.test(name)
      ? { path: file, pattern: '*' }
      : { file_path: file, ...(name === 'Write' ? { content: '' } : {}) };
  } else if (options.tool) {
    name = options.tool;
    input = {};
  } else {
    throw new TestEventError(
      "nothing to test: give a command (warden policy test -- 'rm -rf ~'), --tool with --path or --input, --url, --prompt, or a hook payload on stdin",
    );
  }
  return { ...base, hookEvent: 'PreToolUse', phase: 'tool_call', tool: { name, input } };
}
