#!/usr/bin/env node
// Built as CommonJS (dist/bin.cjs): the hook runs on every tool call, so this entry stays tiny
// and starts no ESM loader.
import { runCommandEntry } from '@warden/core';

runCommandEntry({
  directory: __dirname,
  // The events the session server serves are the ones the resident decider answers; SessionStart,
  // SessionEnd and the rest are decided in the hook's own process.
  resident: {
    name: 'claude-code',
    events: ['PreToolUse', 'PostToolUse', 'PermissionRequest', 'UserPromptSubmit', 'Stop'],
  },
});
