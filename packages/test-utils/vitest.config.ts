import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // These tests start the real Claude Code binary (about 1 s a run, far more on a loaded machine).
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
