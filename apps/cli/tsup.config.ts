import { defineConfig } from 'tsup';

// One file for the command; @warden/core stays a dependency (its network code loads lazily).
export default defineConfig({
  entry: { warden: 'src/bin.ts' },
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  clean: true,
  sourcemap: true,
  splitting: false,
});
