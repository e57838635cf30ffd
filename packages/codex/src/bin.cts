#!/usr/bin/env node
// Codex runs the hook on every tool call, so this entry stays tiny and CommonJS: no ESM loader,
// and the compile cache is switched on before the real code is loaded.
const subcommand = process.argv[2];

if (subcommand === 'hook') {
  try {
    require('node:module').enableCompileCache?.();
  } catch {
    // The cache is an optimisation only.
  }
  require('./hook.cjs').main();
} else {
  require('./cli.cjs').main();
}
