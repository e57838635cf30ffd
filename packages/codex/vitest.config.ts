import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The e2e and integration tests start the real Codex binary and the built hook.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
