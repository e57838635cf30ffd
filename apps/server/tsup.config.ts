import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts', cli: 'src/cli.ts' } },
  clean: true,
  sourcemap: true,
  splitting: true,
  // node:sqlite exists only under its node: name.
  removeNodeProtocol: false,
});
