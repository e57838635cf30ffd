import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('build/toolchains', () => {
  itDecides([
    { command: 'make -j8', effect: 'allow' },
    { command: 'just test', effect: 'allow' },
    { command: 'tsc --noEmit', effect: 'allow' },
    { command: 'turbo run build --filter=@warden/core', effect: 'allow' },
    { command: 'vitest run src/shell', effect: 'allow' },
    { command: 'jest --coverage', effect: 'allow' },
    { command: 'pytest -q tests/', effect: 'allow' },
    { command: 'tsx scripts/gen.ts', effect: 'allow' },
    { command: 'ts-node scripts/gen.ts', effect: 'allow' },
    { command: 'rustc main.rs', effect: 'allow' },
    { command: 'rustup update stable', effect: 'allow' },
    { command: 'node scripts/build.mjs', effect: 'allow' },
    { command: 'ruby -v', effect: 'allow' },
    { command: 'lua script.lua', effect: 'allow' },
    { command: 'java -jar app.jar', effect: 'allow' },
    { command: 'javac -d out Main.java', effect: 'allow' },
    { command: 'swift build', effect: 'allow' },
    { command: 'flutter test', effect: 'allow' },
    { command: 'dart run', effect: 'allow' },
    { command: 'npx prettier --check .', effect: 'allow', programs: ['npx', 'prettier'] },
    { command: 'make clean && rm -rf ~', effect: 'deny', programs: ['make', 'rm'] },
  ]);
});
