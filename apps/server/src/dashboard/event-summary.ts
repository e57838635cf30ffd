import type { WardenEvent } from '@warden/core';

function field(input: unknown, keys: string[]): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * One line that says what an event was: the command, the file, the URL, the prompt or the answer.
 * Plain text; the caller escapes and clips it.
 */
export function eventSummary(event: WardenEvent): string {
  const input = event.tool?.input;
  const fromInput = field(input, [
    'command',
    'cmd',
    'file_path',
    'path',
    'notebook_path',
    'url',
    'query',
    'pattern',
    'description',
    'prompt',
  ]);
  if (fromInput) return fromInput;
  if (Array.isArray((input as { command?: unknown } | undefined)?.command)) {
    return (input as { command: unknown[] }).command.map(String).join(' ');
  }
  if (event.prompt) return event.prompt;
  if (event.output) return event.output;
  if (event.tool) return event.tool.name;
  return event.hookEvent;
}
