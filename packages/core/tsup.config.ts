import { defineConfig } from 'tsup';

export default defineConfig({
  // flush-worker: the background sender that hooks start detached (`@warden/core/flush-worker`).
  entry: { index: 'src/index.ts', 'flush-worker': 'src/ingest/flush-worker.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node22',
  sourcemap: true,
});
