import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options } from 'tsup';
import { lazyEntries, lazyModulesPlugin } from './lazy-modules.js';

// The build of every command-hook adapter (claude-code, codex): the library as ESM with types,
// and the command as CommonJS bundles. CommonJS because a hook starts on every tool call and the
// ESM loader alone costs milliseconds; bundles built from core's sources (its run-time subset,
// runtime.ts) so per-module tree shaking drops what a hook run never uses; and what core loads
// lazily becomes separate files (see lazy-modules.ts).
const coreSource = fileURLToPath(new URL('../packages/core/src/runtime.ts', import.meta.url));
const coreRoot = fileURLToPath(new URL('../packages/core/src/', import.meta.url));
const requireFromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));

export function commandBundles(): Options[] {
  const lazy = Object.fromEntries(
    Object.entries(lazyEntries(coreRoot)).map(([name, target]) => [
      name,
      target.startsWith('/') ? target : requireFromCore.resolve(target),
    ]),
  );
  return [
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
      // bin.cjs dispatches and is the resident decider's client; hook.cjs is everything an
      // in-process hook run needs; daemon.cjs the resident decider; cli.cjs the rest.
      entry: {
        bin: 'src/bin.ts',
        hook: 'src/hook-main.ts',
        daemon: 'src/hook-daemon.ts',
        cli: 'src/cli-main.ts',
        ...lazy,
      },
      format: ['cjs'],
      outExtension: () => ({ js: '.cjs' }),
      target: 'node22',
      platform: 'node',
      noExternal: [/^(?!\.\/(hook|daemon|cli|lazy-.*)\.cjs$).*/],
      external: ['./hook.cjs', './daemon.cjs', './cli.cjs'],
      splitting: false,
      minify: process.env.WARDEN_NO_MINIFY !== '1',
      treeshake: true,
      esbuildPlugins: [lazyModulesPlugin({ sourceRoot: coreRoot })],
      esbuildOptions(options) {
        options.alias = { '@warden/core': coreSource };
        // `import()` in a CommonJS file starts Node's ESM loader (tens of milliseconds); turned
        // into `require()` the lazy files load like any other CommonJS module.
        options.supported = { ...options.supported, 'dynamic-import': false };
      },
    },
  ];
}
