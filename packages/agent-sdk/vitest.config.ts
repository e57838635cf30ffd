import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
    // The end-to-end tests start the real Claude Code binary several times.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
