#!/usr/bin/env node
// Built as CommonJS (dist/bin.cjs): the hook runs on every tool call, so this entry stays tiny
// and starts no ESM loader.
import { runCommandEntry } from '@warden/core';

runCommandEntry({
  directory: __dirname,
  // The events the session server serves (but SessionStart) are the ones the resident decider
  // answers; SessionStart, SessionEnd, Interrupt and the rest are decided in the hook's own process.
  resident: { name: 'codex', events: ['UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop'] },
});
