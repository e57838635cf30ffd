import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsedFileCacheDir, readParsedFile, writeParsedFile } from '../config/parsed-file-cache.js';
import type { DecideConfig } from '../decide.js';
import { PolicyError } from '../errors.js';
import { compilePolicy, type ResolvedRule } from './compile-policy.js';
import { findProjectPolicyForEvent } from './find-project-policy.js';
import { keepProtections } from './keep-protections.js';
import type { PolicyLayer } from './policy-layer.js';
import type { Policy } from './policy-schema.js';
import { resolvePolicy } from './resolve-policy.js';
import { projectTrust, TRUSTED_PROJECTS_FILE } from './trusted-projects.js';

/** Thrown while the parser is not loaded and a file of the chain is not cached with its content. */
const CACHE_MISS = Symbol('cache miss');

/** A config with its policy layers; `loadConfig` fills `layers` with the user's (and the org's). */
export type LayeredConfig = DecideConfig;

/**
 * Adds the repository policy that applies to `cwd`, if any, to the config's layers.
 *
 * Untrusted (the default), the project policy is its own layer that cannot weaken: decided apart
 * and combined by the most restrictive effect, its `mode`, `disable` and rule overrides touch
 * only itself. Trusted by the user (`warden trust`, recorded in Warden's home with the policy's
 * digest), it is merged onto the user's layer like a policy that extends it: it may override or
 * disable the user's rules. Other layers (the org's) stay apart either way.
 *
 * Throws a PolicyError for an invalid project policy; the caller applies the failure policy.
 */
export async function loadProjectLayer<T extends LayeredConfig>(options: {
  config: T;
  cwd: string;
}): Promise<T> {
  const { config } = options;
  const found = findProjectPolicyForEvent({
    cwd: options.cwd,
    wardenHome: config.home,
    userHome: config.userHome,
  });
  if (!found) return config;
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new PolicyError({
        message: `cannot read the project policy (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        file,
      });
    }
  };
  // A long-lived process (the Agent SDK, the session server) gets the layered config it built
  // last time while every file it read has the same text and the project's trust is the same:
  // no re-parse, no re-compile, and the same config object, so what is learned per config
  // (protected paths) is learned once. Unchanged stat stamps of those files and of the trust
  // file stand for unchanged texts (one stat each instead of a read); a stamp taken while its
  // file was freshly changed is not trusted (a file system with coarse times could hide a second
  // edit), and then the texts are read and compared.
  const builds = builtLayers.get(config);
  const previous = builds?.get(found.file);
  const trustFile = path.join(config.home, TRUSTED_PROJECTS_FILE);
  if (
    previous?.stamps !== undefined &&
    previous.root === found.root &&
    [...previous.stamps].every(([file, stamp]) => stampOf(file) === stamp)
  )
    return previous.config as T;
  const texts = new Map<string, string>([[found.file, read(found.file)]]);
  if (previous !== undefined) {
    const trust = projectTrust({ wardenHome: config.home, root: found.root, text: texts.get(found.file)! });
    if (
      previous.root === found.root &&
      previous.trust === trust &&
      [...previous.texts].every(
        ([file, text]) => (file === found.file ? texts.get(file) : read(file)) === text,
      )
    )
      return previous.config as T;
  }
  const result = await buildProjectLayer({ config, found, read, texts });
  let forConfig = builds;
  if (!forConfig) {
    forConfig = new Map();
    builtLayers.set(config, forConfig);
  }
  if (forConfig.size >= 16) forConfig.clear();
  // Stamped first, then the trust and the texts are taken again: a change before the stamp shows
  // as a text that differs from what was built (no stamps kept), one after it as another stamp.
  const stamps = new Map([...texts.keys(), trustFile].map((file) => [file, stampOf(file)]));
  const trust = projectTrust({ wardenHome: config.home, root: found.root, text: texts.get(found.file)! });
  const stampsHold =
    [...stamps.values()].every((stamp) => stamp !== undefined) &&
    [...texts].every(([file, text]) => read(file) === text);
  forConfig.set(found.file, {
    root: found.root,
    texts: new Map(texts),
    trust,
    ...(stampsHold ? { stamps } : {}),
    config: result,
  });
  return result;
}

/** Files changed this recently are not judged by their stamp (2 s covers coarse file system clocks). */
const RACY_MS = 2000n;

/**
 * Identity, size and change times of a file (`none` when there is none), or undefined when the
 * stamp cannot stand for the content: it changed within RACY_MS, or it cannot be read.
 */
function stampOf(file: string): string | undefined {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats) return 'none';
  const now = BigInt(Date.now()) * 1_000_000n;
  if (now - stats.ctimeNs < RACY_MS * 1_000_000n || now - stats.mtimeNs < RACY_MS * 1_000_000n)
    return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The last layered config built per base config and project policy file, with what it was built from. */
const builtLayers = new WeakMap<
  object,
  Map<
    string,
    {
      root: string;
      texts: Map<string, string>;
      trust: string;
      /** Stat stamps of every file read and of the trust file; absent when one cannot stand for its content. */
      stamps?: Map<string, string | undefined>;
      config: LayeredConfig;
    }
  >
>();

async function buildProjectLayer<T extends LayeredConfig>(options: {
  config: T;
  found: { root: string; file: string };
  read: (file: string) => string;
  texts: Map<string, string>;
}): Promise<T> {
  const { config, found, read, texts } = options;
  const textOf = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) {
      text = read(file);
      texts.set(file, text);
    }
    return text;
  };
  const text = textOf(found.file);
  // Parsed and validated policies come from the cache while the files' content is unchanged;
  // the YAML parser and the schema load only for a file that changed.
  const cacheDir = parsedFileCacheDir(config.home);
  let parser:
    | { yaml: typeof import('yaml'); parsePolicy: typeof import('./parse-policy.js').parsePolicy }
    | undefined;
  const loadParser = async () => {
    const [yaml, { parsePolicy }] = await Promise.all([import('yaml'), import('./parse-policy.js')]);
    parser = { yaml, parsePolicy };
  };
  const parsedNow = new Map<string, Policy>();
  const loadFile = (file: string): Policy => {
    const known = parsedNow.get(file);
    if (known) return known;
    let policy = readParsedFile<Policy>({ cacheDir, kind: 'policy', file, text: textOf(file) });
    if (!policy) {
      if (!parser) throw CACHE_MISS;
      policy = parser.parsePolicy({ text: textOf(file), file, yaml: parser.yaml });
      writeParsedFile({ cacheDir, kind: 'policy', file, text: textOf(file), value: policy });
    }
    parsedNow.set(file, policy);
    return policy;
  };
  // Every file the layer reads (its `extends` too), from the cache or parsed once.
  const resolveAll = (policy: Policy) =>
    resolvePolicy({ policy: { ...policy, disable: undefined, rules: [] }, source: found.file, loadFile });
  let policy: Policy;
  try {
    policy = loadFile(found.file);
    resolveAll(policy);
  } catch (error) {
    if (error !== CACHE_MISS) throw error;
    await loadParser();
    policy = loadFile(found.file);
    resolveAll(policy);
  }
  const trusted = projectTrust({ wardenHome: config.home, root: found.root, text }) === 'trusted';
  const base: PolicyLayer = config.layers?.[0] ?? {
    source: 'user',
    compiled: config.policy,
    canWeaken: true,
  };
  const others = config.layers?.slice(1) ?? [];

  if (!trusted) {
    // Its `disable` may switch off only what its own `extends` brought in; naming the user's
    // rules (written for when it is trusted) is ignored rather than failing every event.
    const inherited = resolvePolicy({
      policy: { ...policy, disable: undefined, rules: [] },
      source: found.file,
      loadFile,
    });
    const ownIds = new Set(inherited.rules.map(({ rule }) => rule.id));
    const disable = policy.disable?.filter((id) => ownIds.has(id));
    const resolved = resolvePolicy({
      policy: { ...policy, disable: disable?.length ? disable : undefined },
      source: found.file,
      loadFile,
    });
    const layer: PolicyLayer = {
      source: 'project',
      file: found.file,
      root: found.root,
      trusted: false,
      canWeaken: false,
      resolved,
      compiled: compilePolicy({
        rules: resolved.rules,
        mode: config.mode,
        failure: config.failure.tool_call,
        defaultEffect: resolved.defaultEffect ?? 'allow',
        sources: resolved.sources,
        home: config.userHome,
      }),
    };
    return { ...config, layers: [base, ...others, layer] };
  }

  // Trusted: the project's rules go on top of the user's, as if the project policy extended it.
  const own = resolvePolicy({ policy: { ...policy, disable: undefined }, source: found.file, loadFile });
  let rules: ResolvedRule[] = [...(base.resolved?.rules ?? [])];
  if (policy.disable) {
    const known = new Set([...rules, ...own.rules].map(({ rule }) => rule.id));
    for (const id of policy.disable) {
      if (!known.has(id))
        throw new PolicyError({
          message: `disable names rule "${id}", which no policy in force defines`,
          file: found.file,
          ruleId: id,
        });
    }
    rules = rules.filter(({ rule }) => !policy.disable!.includes(rule.id));
  }
  for (const entry of own.rules) {
    if (policy.disable?.includes(entry.rule.id)) continue;
    const index = rules.findIndex(({ rule }) => rule.id === entry.rule.id);
    if (index >= 0) rules[index] = entry;
    else rules.push(entry);
  }
  // A trusted policy may disable the user's rules, but one that leaves nothing that denies or asks
  // (every rule disabled, its own all allows) is treated as an empty policy file is: the
  // recommended pack's protections stay in force, and the user is told, unless it acknowledges it.
  const kept = keepProtections({
    resolved: {
      rules,
      sources: own.sources,
      ...((own.defaultEffect ?? base.compiled.defaultEffect)
        ? { defaultEffect: own.defaultEffect ?? base.compiled.defaultEffect }
        : {}),
    },
    policy,
    source: `${found.file} (trusted)`,
  });
  rules = kept.rules;
  const warnings = kept.warnings ?? [];
  const mode = own.mode ?? config.mode;
  const merged: PolicyLayer = {
    source: 'project',
    file: found.file,
    root: found.root,
    trusted: true,
    canWeaken: true,
    resolved: { rules },
    compiled: compilePolicy({
      rules,
      mode,
      failure: config.failure.tool_call,
      defaultEffect: own.defaultEffect ?? base.compiled.defaultEffect,
      sources: [
        ...base.compiled.sources,
        ...kept.sources.filter((source) => !base.compiled.sources.includes(source)),
      ],
      home: config.userHome,
    }),
  };
  const result = { ...config, mode, policy: merged.compiled, layers: [merged, ...others] };
  if (warnings.length === 0) return result;
  const previous = (config as { policyWarnings?: string[] }).policyWarnings ?? [];
  return { ...result, policyWarnings: [...previous, ...warnings] };
}
