import { BUILTIN_PACKS, type WardenEvent } from '@warden/core';
import * as yaml from 'yaml';

/** The prefix core gives org-policy rules in decisions (`org:<id>`). */
const ORG_RULE_PREFIX = 'org:';

export type ExceptionDraft =
  | { kind: 'diff'; before: string; after: string; condition: Record<string, string[]> }
  | { kind: 'not-possible'; message: string };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The narrowest condition that matches this event again: its exact command, path, host or tool. */
export function exceptionCondition(event: WardenEvent): Record<string, string[]> {
  for (const action of event.actions) {
    const resources = action.resources as Record<string, unknown>;
    if (action.kind === 'shell.exec' && typeof resources.command === 'string') {
      return { matches: [`^${escapeRegex(resources.command)}$`] };
    }
    if (action.kind.startsWith('file.') && typeof resources.path === 'string')
      return { paths: [resources.path] };
    if (action.kind === 'net.fetch' && typeof resources.host === 'string') return { hosts: [resources.host] };
  }
  const command = (event.tool?.input as { command?: unknown } | undefined)?.command;
  if (typeof command === 'string') return { matches: [`^${escapeRegex(command)}$`] };
  return { tools: [event.tool?.name ?? event.hookEvent] };
}

/**
 * Drafts the org-policy change that would stop a denial group from firing for this exact case:
 * the rule gets (or extends) an `unless` with the event's command, path, host or tool. Only org
 * rules can be excepted here: devices combine policies and the most restrictive effect wins, so
 * the org policy cannot loosen a device's local rule. Nothing is applied: the caller shows the
 * diff, and an admin applies it through the org-policy upload, where it is validated.
 */
export function draftException(options: {
  orgYaml: string | undefined;
  ruleId: string;
  event: WardenEvent;
}): ExceptionDraft {
  if (!options.ruleId.startsWith(ORG_RULE_PREFIX)) {
    return {
      kind: 'not-possible',
      message:
        `Rule ${options.ruleId} comes from the device's local policy, not the org policy. Devices apply the most ` +
        'restrictive effect of all their policies, so the org policy cannot make an exception to it: change the ' +
        "device's own policy (warden policy) or the project's .warden/policy.yaml instead.",
    };
  }
  const ruleId = options.ruleId.slice(ORG_RULE_PREFIX.length);
  const before = options.orgYaml ?? '';
  const document = yaml.parseDocument(before);
  if (document.errors.length > 0) {
    return {
      kind: 'not-possible',
      message: 'The current org policy is not valid YAML; fix it in Settings first.',
    };
  }
  const condition = exceptionCondition(options.event);
  const [key, values] = Object.entries(condition)[0]!;
  let rules = document.get('rules') as yaml.YAMLSeq | undefined;
  const existing = rules?.items.find((item) => yaml.isMap(item) && item.get('id') === ruleId) as
    | yaml.YAMLMap
    | undefined;
  if (existing) {
    const unless = existing.get('unless') as yaml.YAMLMap | undefined;
    if (!unless) {
      existing.set('unless', document.createNode(condition));
    } else if (unless.items.length === 1 && unless.has(key)) {
      const list = unless.get(key) as yaml.YAMLSeq;
      for (const value of values!) list.add(document.createNode(value));
    } else {
      return {
        kind: 'not-possible',
        message: `Rule ${ruleId} already has an unless with other conditions (all must hold); edit it by hand in Settings.`,
      };
    }
  } else {
    const extended = document.get('extends');
    const packs = (
      Array.isArray(extended) ? extended : yaml.isSeq(extended) ? extended.toJSON() : [extended]
    ).filter((name: unknown): name is string => typeof name === 'string');
    const packRule = packs
      .flatMap((name: string) => BUILTIN_PACKS[name]?.rules ?? [])
      .find((rule: { id: string }) => rule.id === ruleId);
    if (!packRule) {
      return {
        kind: 'not-possible',
        message: `Rule ${ruleId} is not in the current org policy or the packs it extends.`,
      };
    }
    if (packRule.unless) {
      return {
        kind: 'not-possible',
        message: `Rule ${ruleId} from the pack already has an unless; copy it into the org policy and edit it by hand.`,
      };
    }
    if (!rules) {
      rules = document.createNode([]) as yaml.YAMLSeq;
      document.set('rules', rules);
    }
    // A rule with the pack rule's id replaces it in place (policy schema), so the copy carries the exception.
    rules.add(document.createNode({ ...packRule, unless: condition }));
  }
  return {
    kind: 'diff',
    before,
    after: document.toString({ lineWidth: 0, flowCollectionPadding: false }),
    condition,
  };
}
