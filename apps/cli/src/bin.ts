#!/usr/bin/env node
import { runCli } from './run-cli.js';

const response = await runCli({ argv: process.argv.slice(2) });
if (response.stdout) process.stdout.write(response.stdout);
if (response.stderr) process.stderr.write(response.stderr);
process.exitCode = response.exitCode;
