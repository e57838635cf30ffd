import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type AuditWriter,
  BUILTIN_PACKS,
  ConfigError,
  createAuditWriter,
  createConfig,
  type Decision,
  type FailurePolicy,
  type GuardEvent,
  type Mode,
  type Phase,
  type Policy,
  PolicyError,
  parsePolicy,
  type RequestContext,
  requestContextSchema,
  type WardenConfig,
} from '@warden/core';
import * as yaml from 'yaml';

/** Options shared by `wardenHooks` and `wardenCanUseTool`. */
export interface WardenOptions {
  /**
   * A policy object, the path of a policy file (YAML or JSON), or a built-in pack name
   * (`recommended`, `strict`, `observe`). Default: `recommended`. Files are read once, here.
   */
  policy?: Policy | string;
  /** `enforce` blocks, `observe` only records. Default: the policy's mode, else `enforce`. */
  mode?: Mode;
  /**
   * What happens when Warden cannot decide (invalid input, a bug): `open` allows, `closed` denies.
   * One value for every phase or per phase. Default: closed for tool calls and prompts, open for
   * tool results, answers and session events.
   */
  failure?: FailurePolicy | Partial<Record<Phase, FailurePolicy>>;
  /** Who the agent acts for in this request. Recorded in every audit record of these callbacks. */
  context?: RequestContext;
  /** Called with every decision, before it is returned to the SDK. Exceptions are reported, not thrown. */
  onDecision?: (options: { event: GuardEvent; decision: Decision }) => void;
  /** Problems that did not change a decision (an audit write that failed). Default: `process.emitWarning`. */
  onWarning?: (message: string) => void;
  /** Warden's home directory. Default: `$WARDEN_HOME`, else `~/.warden`. */
  home?: string;
  /**
   * The agent's home directory, what `~` means in its commands and policies. Set it when the app
   * gives the agent a `HOME` of its own through the SDK's `env` option. Default: `os.homedir()`.
   */
  userHome?: string;
  /** The local audit log: on by default, under `<home>/audit`. */
  audit?: { enabled?: boolean; dir?: string };
}

export interface PreparedWarden {
  config: WardenConfig;
  /** The process's writer for the config's audit log; undefined when the audit is off. */
  auditWriter: AuditWriter | undefined;
  context: RequestContext | undefined;
  onDecision: WardenOptions['onDecision'];
  onWarning: (message: string) => void;
}

function readPolicy(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError({
      message: `cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      file,
      cause: error,
    });
  }
  return parsePolicy({ text, file, yaml });
}

/**
 * One long-lived writer per audit log and process, shared by every `wardenHooks` and
 * `wardenCanUseTool` built in it (a server may build them per request): it keeps the log's
 * segment open and its chain end in memory, and still continues correctly after records other
 * processes (command hooks, other apps) append to the same log.
 */
const auditWriters = new Map<string, AuditWriter>();

function auditWriterFor(config: WardenConfig): AuditWriter | undefined {
  if (!config.auditEnabled) return undefined;
  const key = `${config.auditDir}\0${config.auditMaxFileBytes ?? ''}`;
  let writer = auditWriters.get(key);
  if (!writer) {
    writer = createAuditWriter({
      auditDir: config.auditDir,
      // Creating the lock file is most of an append: hold it for short leases. A command hook
      // that wants it meanwhile marks that it waits, and gets it at the next append.
      holdLockMs: 20,
      ...(config.auditMaxFileBytes ? { maxFileBytes: config.auditMaxFileBytes } : {}),
    });
    auditWriters.set(key, writer);
  }
  return writer;
}

const looksLikePath = (value: string) => /[/\\]|\.(ya?ml|json)$/i.test(value);

/**
 * Validates the options and compiles the policy, once. Everything after this runs in memory: no
 * callback reads a file. Throws on a bad policy or context, so a mistake fails where the app
 * builds its options rather than as a blocked tool call at run time.
 */
export function prepareWarden(options: WardenOptions): PreparedWarden {
  let context: RequestContext | undefined;
  if (options.context !== undefined) {
    const parsed = requestContextSchema.safeParse(options.context);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError({
        source: 'Warden options',
        message: `context.${issue.path.join('.')}: ${issue.message}`,
        cause: parsed.error,
      });
    }
    // A copy, so an app that reuses and mutates its context object cannot rewrite past records.
    context = structuredClone(parsed.data);
  }

  const common = {
    mode: options.mode,
    failure: options.failure,
    home: options.home,
    userHome: options.userHome,
    audit: options.audit,
  };
  let config: WardenConfig;
  if (typeof options.policy === 'string' && !BUILTIN_PACKS[options.policy] && looksLikePath(options.policy)) {
    const file = path.resolve(options.policy);
    config = createConfig({ ...common, policy: readPolicy(file), source: file, loadFile: readPolicy });
  } else {
    config = createConfig({ ...common, policy: options.policy });
  }

  return {
    config,
    auditWriter: auditWriterFor(config),
    context,
    onDecision: options.onDecision,
    onWarning: (message) => {
      try {
        if (options.onWarning) options.onWarning(message);
        else process.emitWarning(message, { code: 'WARDEN' });
      } catch {
        // A warning must never turn into an exception inside the agent's hook.
      }
    },
  };
}
