import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The example imports the package by its published name; in tests that is this source.
    alias: { '@warden/agent-sdk': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
    // The end-to-end tests start the real Claude Code binary several times.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
