import type { GuardEvent, WardenEvent } from '@warden/core';

/** Rebuilds the core event a device decided on from the protocol event it sent. */
export function toGuardEvent(event: WardenEvent): GuardEvent {
  return {
    id: event.id,
    agent: event.agent,
    hookEvent: event.hookEvent,
    phase: event.phase,
    session: event.session,
    cwd: event.cwd,
    timestamp: event.ts,
    ...(event.tool
      ? {
          tool: {
            name: event.tool.name,
            input: event.tool.input,
            ...(event.tool.useId ? { useId: event.tool.useId } : {}),
            ...(event.tool.response !== undefined ? { response: event.tool.response } : {}),
            ...(event.tool.mcpServer ? { mcpServer: { name: event.tool.mcpServer } } : {}),
          },
        }
      : {}),
    ...(event.prompt !== undefined ? { prompt: event.prompt } : {}),
    ...(event.output !== undefined ? { output: event.output } : {}),
    ...(event.context ? { context: event.context } : {}),
    ...(event.meta ? { meta: event.meta } : {}),
  };
}
