#!/usr/bin/env node
// Built as CommonJS (dist/bin.cjs): the hook runs on every tool call, so this entry stays tiny
// and starts no ESM loader.
import { runCommandEntry } from '@warden/core';

runCommandEntry({ directory: __dirname });
