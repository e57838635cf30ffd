#!/usr/bin/env node
// Built as CommonJS (dist/bin.cjs): the hook runs on every tool call, so this entry stays tiny,
// starts no ESM loader, and loads the hook bundle with a V8 code cache kept in Warden's home.
import path from 'node:path';
import { requireWithCodeCache } from '@warden/core';

const subcommand = process.argv[2];

if (subcommand === 'hook') {
  const home =
    process.env.WARDEN_HOME || path.join(process.env.HOME || require('node:os').homedir(), '.warden');
  const hook = requireWithCodeCache({
    file: path.join(__dirname, 'hook.cjs'),
    cacheDir: path.join(home, 'cache'),
  });
  (hook as { main: () => void }).main();
} else {
  require('./cli.cjs').main();
}
