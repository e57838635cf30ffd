import type { Action } from '../action.js';
import type { Effect, FailurePolicy, Mode } from '../decision.js';
import {
  type DetectorSettings,
  type DetectorsPolicy,
  resolveDetectorSettings,
} from '../detectors/detectors-settings.js';
import type { Finding } from '../finding.js';
import type { Phase } from '../guard-event.js';
import type { PathClass } from '../paths/types.js';
import type { TargetAccess } from '../shell/types.js';
import { compileHostPattern, compileNameGlob, compileNameGlobs, pathGlobToRegex } from './glob.js';
import { compileLinearRegex } from './linear-regex.js';
import type { Conditions, Rule } from './policy-schema.js';

/** What the engine knows about one action when it tests rules against it. */
export interface ActionFacts {
  action: Action;
  /** Simple commands of a shell.exec, with their flags and path arguments. */
  commands: CommandFacts[];
  /** File paths of file.* actions, with their classes. */
  paths: PathFacts[];
  findings: Finding[];
  findingIds: string[];
  /** The text `matches` conditions test: the command, prompt, answer, URL or query. */
  text: string;
}

export interface PathFacts {
  path: string;
  classes: readonly PathClass[];
  /** How the command uses the path; file.* actions take theirs from the action kind. */
  access?: TargetAccess;
}

export interface CommandFacts {
  program: string;
  args: readonly string[];
  /** Short flags as single letters (`-rf` -> r, f) and long flags without dashes (`--force` -> force). */
  flags: ReadonlySet<string>;
  /** File targets of the command (operands and redirections), classified. */
  paths: PathFacts[];
  subcommand?: string;
  /** Wrappers the command runs inside, outermost first. */
  via?: readonly string[];
  /** The command only starts others (sudo, xargs, bash -c). */
  wrapper?: boolean;
  /** Its program or arguments are only known at run time. */
  dynamic?: boolean;
}

export interface CompiledRule {
  id: string;
  effect: Effect;
  reason: string;
  /** Where the rule came from (pack name or file), for `explain`. */
  source: string;
  appliesTo(options: { phase: Phase; agent: string; action: Action }): boolean;
  /** A description of why it matched, or undefined. */
  match(facts: ActionFacts): string | undefined;
}

export interface CompiledPolicy {
  rules: CompiledRule[];
  mode: Mode;
  failure: FailurePolicy;
  defaultEffect: Effect;
  /** The packs and files the policy was built from, in order. */
  sources: string[];
  /** Detector settings, defaults filled in (absent: the defaults). */
  detectors?: DetectorSettings;
  /** The rules as written, before compiling: what the policy hash covers. */
  definition?: readonly ResolvedRule[];
}

export interface ResolvedRule {
  rule: Rule;
  source: string;
}

const NATURAL_PHASE: Record<string, Phase> = {
  'prompt.submit': 'prompt',
  'response.final': 'response',
  'session.event': 'session',
};

function naturalPhase(kind: string): Phase {
  return NATURAL_PHASE[kind] ?? 'tool_call';
}

type TargetTest = (classes: readonly PathClass[]) => boolean;

function compileTargetExpression(expression: string): TargetTest {
  const terms = expression.split('&').map((term) => {
    const trimmed = term.trim();
    const negated = trimmed.startsWith('!');
    const name = trimmed.replace(/^!\s*/, '') as PathClass;
    return { negated, name };
  });
  return (classes) => terms.every(({ negated, name }) => classes.includes(name) !== negated);
}

function compilePathGlobs(patterns: readonly string[], home: string): (path: string) => boolean {
  const expanded = patterns.map((pattern) => {
    if (pattern === '~' || pattern.startsWith('~/')) return home + pattern.slice(1);
    if (pattern.startsWith('/')) return pattern;
    return `**/${pattern}`;
  });
  const regexes = expanded.map(pathGlobToRegex);
  return (path) => regexes.some((regex) => regex.test(path));
}

interface CompiledConditions {
  test(facts: ActionFacts): string | undefined;
}

const FILE_ACCESS: Readonly<Record<string, TargetAccess>> = {
  'file.read': 'read',
  'file.write': 'write',
  'file.delete': 'delete',
};

/**
 * `everyCommand`: the command conditions must hold on every simple command the action runs, not
 * just one. Allow rules compile this way, so allowing `xargs` or `git` never allows what they
 * wrap (`xargs rm -rf /`, `git -c alias.x='!sh' x`) and `git status && ./unknown` is not allowed
 * by a rule about git.
 */
function compileConditions(conditions: Conditions, home: string, everyCommand = false): CompiledConditions {
  const tools = conditions.tools && compileNameGlobs(conditions.tools);
  const programs = conditions.programs && compileNameGlobs(conditions.programs);
  const args = conditions.args && compileNameGlobs(conditions.args);
  const flagGroups = conditions.flags?.map((entry) =>
    entry.split('|').map((flag) => flag.trim().replace(/^-+/, '')),
  );
  const targets = conditions.targets?.map(compileTargetExpression);
  const paths = conditions.paths && compilePathGlobs(conditions.paths, home);
  const hosts = conditions.hosts?.map(compileHostPattern);
  const mcpServers = conditions.mcpServers && compileNameGlobs(conditions.mcpServers);
  const mcpTools = conditions.mcpTools && compileNameGlobs(conditions.mcpTools);
  const findings = conditions.findings?.map(compileNameGlob);
  // Linear-time matching: a policy's expression must not be able to hold a hook past its deadline.
  const matches = conditions.matches?.map(compileLinearRegex);
  const subcommands = conditions.subcommands && compileNameGlobs(conditions.subcommands);
  const via = conditions.via && compileNameGlobs(conditions.via);
  const access = conditions.access && new Set<TargetAccess>(conditions.access);
  const commandScoped = Boolean(programs || args || flagGroups || subcommands || via);
  const pathScoped = Boolean(targets || paths || access);

  const pathMatches = (
    candidates: readonly PathFacts[],
    defaultAccess?: TargetAccess,
  ): PathFacts | undefined =>
    candidates.find((candidate) => {
      const used = candidate.access ?? defaultAccess;
      return (
        (!access || (used !== undefined && access.has(used))) &&
        (!targets || targets.some((test) => test(candidate.classes))) &&
        (!paths || paths(candidate.path))
      );
    });
  const commandMatches = (command: CommandFacts): boolean => {
    if (programs && !programs(command.program)) return false;
    if (args && !command.args.some((arg) => args(arg))) return false;
    if (flagGroups && !flagGroups.every((group) => group.some((flag) => command.flags.has(flag))))
      return false;
    if (subcommands && (command.subcommand === undefined || !subcommands(command.subcommand))) return false;
    if (via && !(command.via ?? []).some((label) => via(label))) return false;
    if (pathScoped && !pathMatches(command.paths)) return false;
    return true;
  };

  return {
    test(facts) {
      const { action } = facts;
      const why: string[] = [];
      if (tools) {
        if (!action.tool || !tools(action.tool)) return undefined;
        why.push(`tool ${action.tool}`);
      }
      if (hosts) {
        const host = action.resources.host;
        if (!host || !hosts.some((test) => test(host))) return undefined;
        why.push(`host ${host}`);
      }
      if (mcpServers) {
        if (!action.resources.mcpServer || !mcpServers(action.resources.mcpServer)) return undefined;
        why.push(`MCP server ${action.resources.mcpServer}`);
      }
      if (mcpTools) {
        if (!action.resources.mcpTool || !mcpTools(action.resources.mcpTool)) return undefined;
        why.push(`MCP tool ${action.resources.mcpTool}`);
      }
      if (findings) {
        const found = facts.findingIds.find((id) => findings.some((test) => test(id)));
        if (!found) return undefined;
        why.push(`finding ${found}`);
      }
      if (matches) {
        if (!matches.some((regex) => regex.test(facts.text))) return undefined;
        why.push('text matches');
      }
      if (commandScoped) {
        if (everyCommand && (facts.commands.length === 0 || !facts.commands.every(commandMatches)))
          return undefined;
        const hit = facts.commands.find(commandMatches);
        if (!hit) return undefined;
        const target = pathScoped ? pathMatches(hit.paths) : undefined;
        const wrapped = hit.via && hit.via.length > 0 ? ` (inside ${hit.via.join(' > ')})` : '';
        why.push(
          `command ${[hit.program, ...hit.args].join(' ').slice(0, 200)}${wrapped}${target ? ` on ${target.path}` : ''}`,
        );
      } else if (pathScoped) {
        const candidates =
          action.kind === 'shell.exec' ? facts.commands.flatMap((command) => command.paths) : facts.paths;
        const hit = pathMatches(candidates, FILE_ACCESS[action.kind]);
        if (!hit) return undefined;
        why.push(`path ${hit.path} (${hit.classes.join(', ')}${hit.access ? `; ${hit.access}` : ''})`);
      }
      return why.length > 0 ? why.join('; ') : 'always';
    },
  };
}

export function compileRule(options: { rule: Rule; source: string; home: string }): CompiledRule {
  const { rule, source, home } = options;
  const actionTests = rule.actions?.map((pattern) => compileNameGlob(pattern));
  const phases = rule.phases && new Set(rule.phases);
  const agents = rule.agents && compileNameGlobs(rule.agents);
  // Conditions compile on first use: a hook run tests one action, so most rules never need theirs.
  let compiled: { when?: CompiledConditions; unless?: CompiledConditions } | undefined;
  const conditions = () => {
    compiled ??= {
      when: rule.when && compileConditions(rule.when, home, rule.effect === 'allow'),
      unless: rule.unless && compileConditions(rule.unless, home),
    };
    return compiled;
  };
  return {
    id: rule.id,
    effect: rule.effect,
    reason: rule.reason,
    source,
    appliesTo({ phase, agent, action }) {
      if (actionTests && !actionTests.some((test) => test(action.kind))) return false;
      if (phases ? !phases.has(phase) : naturalPhase(action.kind) !== phase) return false;
      if (agents && !agents(agent)) return false;
      return true;
    },
    match(facts) {
      const { when, unless } = conditions();
      const why = when ? when.test(facts) : 'always';
      if (why === undefined) return undefined;
      if (unless && unless.test(facts) !== undefined) return undefined;
      return why;
    },
  };
}

export function compilePolicy(options: {
  rules: ResolvedRule[];
  mode: Mode;
  failure: FailurePolicy;
  defaultEffect: Effect;
  sources: string[];
  home: string;
  /** The detector settings of each policy layer, in order (`ResolvedPolicy.detectors`). */
  detectors?: readonly DetectorsPolicy[];
}): CompiledPolicy {
  return {
    rules: options.rules
      .filter(({ rule }) => rule.enabled !== false)
      .map(({ rule, source }) => compileRule({ rule, source, home: options.home })),
    mode: options.mode,
    failure: options.failure,
    defaultEffect: options.defaultEffect,
    sources: options.sources,
    detectors: resolveDetectorSettings(options.detectors ?? []),
    definition: options.rules,
  };
}
