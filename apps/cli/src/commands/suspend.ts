import { readSuspension, resolveWardenHome, writeSuspension } from '@warden/core';
import { type CliResponse, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

/**
 * `warden suspend [--reason TEXT]`: every decision on this machine becomes a deny (an emergency
 * stop for every agent) until `warden resume`. `warden status` says so.
 */
export async function suspendCommand(
  options: { suspend: boolean; reason?: string },
  context: CommandContext,
): Promise<CliResponse> {
  const home = resolveWardenHome({ env: context.env });
  const changed = writeSuspension({
    home,
    suspend: options.suspend,
    ...(options.reason ? { reason: options.reason } : {}),
  });
  const { suspended } = readSuspension(home);
  const text = options.suspend
    ? changed
      ? 'Warden is suspended: every tool call and prompt of every guarded agent is denied until `warden resume`.'
      : `Warden was already suspended (since ${suspended?.since}).`
    : changed
      ? 'Warden resumed: decisions follow the policy again.'
      : 'Warden was not suspended; nothing changed.';
  return respond({ json: context.json, data: { suspended: suspended ?? null, changed }, text });
}
