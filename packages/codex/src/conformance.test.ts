import { describeAdapterConformance } from '@warden/test-utils';
import { codexAdapter } from './adapter.js';
import { readSample, SAMPLE_NAMES } from './test-helpers.js';

// The suite every adapter runs, fed with the hook inputs captured from Codex 0.169.0.
describeAdapterConformance({
  adapter: codexAdapter,
  samples: Object.fromEntries(SAMPLE_NAMES.map((name) => [name.replace(/^codex-/, ''), readSample(name)])),
  toolCallSample: 'PreToolUse',
  // Codex blocks on exit 2 with a reason on stderr, or on a deny with a reason on exit 0.
  blocks: (output) =>
    (output.exitCode === 2 && output.stderr.trim() !== '') ||
    JSON.parse(output.stdout || '{}').hookSpecificOutput?.permissionDecision === 'deny',
  passesThrough: (output) => output.exitCode === 0 && output.stdout === '',
});
