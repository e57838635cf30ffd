import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { lazyEntries, lazyModulesPlugin } from '../../build/lazy-modules.js';

// The command bundles are built from core's sources (its run-time subset, runtime.ts), not its
// bundled dist: per-module tree shaking drops the schemas and code a hook run never uses, and
// what core loads lazily becomes separate files (see build/lazy-modules.ts).
const coreSource = fileURLToPath(new URL('../core/src/runtime.ts', import.meta.url));
const coreRoot = fileURLToPath(new URL('../core/src/', import.meta.url));
const requireFromCore = createRequire(new URL('../core/package.json', import.meta.url));
const lazy = Object.fromEntries(
  Object.entries(lazyEntries(coreRoot)).map(([name, target]) => [
    name,
    target.startsWith('/') ? target : requireFromCore.resolve(target),
  ]),
);

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
    // The command: CommonJS bundles (no ESM loader, no module graph to resolve at start-up).
    // bin.cjs only dispatches; hook.cjs is everything a hook run needs and nothing else (no TOML
    // library); cli.cjs has install, uninstall, status and managed.
    entry: { bin: 'src/bin.cts', hook: 'src/hook-main.ts', cli: 'src/cli-main.ts', ...lazy },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'node22',
    platform: 'node',
    noExternal: [/^(?!\.\/(hook|cli|lazy-.*)\.cjs$).*/],
    external: ['./hook.cjs', './cli.cjs'],
    splitting: false,
    minify: process.env.WARDEN_NO_MINIFY !== '1',
    treeshake: true,
    esbuildPlugins: [lazyModulesPlugin({ sourceRoot: coreRoot })],
    esbuildOptions(options) {
      options.alias = { '@warden/core': coreSource };
    },
  },
]);
