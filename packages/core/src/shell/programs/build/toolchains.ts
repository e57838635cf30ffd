import { defineProgram, readWords } from '../program-module.js';

/** Build tools, test runners, compilers and runtimes: their operands are targets, tasks and packages (scripts they run are read by the interpreter analysis). */
export const toolchains = defineProgram({
  name: 'build/toolchains',
  programs: [
    'make',
    'just',
    'tsc',
    'turbo',
    'vitest',
    'jest',
    'pytest',
    'tsx',
    'ts-node',
    'rustc',
    'rustup',
    'node',
    'ruby',
    'lua',
    'java',
    'javac',
    'swift',
    'flutter',
    'dart',
    'npx',
  ],
  findings: [],
  ownsArguments: true,
  describe: readWords,
});
