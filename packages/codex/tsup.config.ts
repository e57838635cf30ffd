import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// The command bundles are built from core's sources (its run-time subset, runtime.ts), not its
// bundled dist: per-module tree shaking drops the schemas and code a hook run never uses.
const coreSource = fileURLToPath(new URL('../core/src/runtime.ts', import.meta.url));

export default defineConfig([
  {
    // The library: @warden/core stays an external dependency.
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node22',
    sourcemap: true,
  },
  {
    // The command: self-contained CommonJS bundles (no ESM loader, no module graph to resolve at
    // start-up). bin.cjs only dispatches; hook.cjs is everything a hook run needs and nothing else
    // (no TOML library); cli.cjs has install, uninstall, status and managed.
    entry: { bin: 'src/bin.cts', hook: 'src/hook-main.ts', cli: 'src/cli-main.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'node22',
    platform: 'node',
    noExternal: [/^(?!\.\/(hook|cli)\.cjs$).*/],
    external: ['./hook.cjs', './cli.cjs'],
    splitting: false,
    minify: process.env.WARDEN_NO_MINIFY !== '1',
    treeshake: true,
    esbuildOptions(options) {
      options.alias = { '@warden/core': coreSource };
    },
  },
]);
