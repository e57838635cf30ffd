import { readdirSync, readFileSync } from 'node:fs';
import { describeAdapterConformance } from '@warden/test-utils';
import { claudeCodeAdapter } from './adapter.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const samples = Object.fromEntries(
  readdirSync(fixtures)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [
      file.replace(/^claude-code-|\.json$/g, ''),
      JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')),
    ]),
);

describeAdapterConformance({
  adapter: claudeCodeAdapter,
  samples,
  toolCallSample: 'PreToolUse',
  blocks: (output) =>
    output.exitCode === 2 ||
    JSON.parse(output.stdout || '{}').hookSpecificOutput?.permissionDecision === 'deny',
  passesThrough: (output) => output.exitCode === 0 && output.stdout === '',
});
