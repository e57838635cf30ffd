#!/usr/bin/env node
import { runServerCommand } from './cli/run-server-command.js';

const argv = process.argv.slice(2);
// `warden-server token create …` and `warden-server serve …` both work.
process.exitCode = await runServerCommand({ argv: argv.length === 0 ? ['serve'] : argv });
