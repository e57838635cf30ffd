import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// Hook bundles are CommonJS (no ESM loader at start-up) and CommonJS bundles cannot be split.
// So every module that core loads with a dynamic `import()` (the YAML parser, the policy file
// schema, the network client, ...) becomes a bundle of its own beside the entry (dist/lazy-*.cjs), required only
// when that code path runs: a hook that needs none of it reads and compiles none of it.

const DYNAMIC_IMPORT = /\bimport\(\s*'([^']+)'\s*\)/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return name === '__fixtures__' ? [] : sourceFiles(file);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [file] : [];
  });
}

function chunkName(target: string, sourceRoot: string): string {
  const relative = target.startsWith(sourceRoot) ? path.relative(sourceRoot, target) : target;
  return `lazy-${relative.replace(/\.ts$/, '').replace(/[\\/]/g, '-')}`;
}

function resolveSpecifier(specifier: string, importer: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.resolve(path.dirname(importer), specifier).replace(/\.js$/, '.ts');
}

/** The dynamically imported modules of a source tree, as tsup entries (`lazy-<name>` -> file or package). */
export function lazyEntries(sourceRoot: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of sourceFiles(sourceRoot)) {
    for (const match of readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:')) continue;
      const target = resolveSpecifier(specifier, file);
      entries[chunkName(target, sourceRoot)] = target;
    }
  }
  return entries;
}

/** Rewrites those dynamic imports into `require('./lazy-<name>.cjs')` of the separate bundles. */
export function lazyModulesPlugin(options: { sourceRoot: string }): Plugin {
  const entries = lazyEntries(options.sourceRoot);
  const byTarget = new Map(Object.entries(entries).map(([name, target]) => [target, name]));
  return {
    name: 'warden-lazy-modules',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.path.startsWith('node:')) return undefined;
        const name = byTarget.get(resolveSpecifier(args.path, args.importer));
        if (!name) return undefined;
        // Every bundle sits in the same directory, so one relative path works from each of them.
        return { path: `./${name}.cjs`, external: true };
      });
    },
  };
}
