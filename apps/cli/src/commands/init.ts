import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_POLICY_PATH, resolveWardenHome, USER_POLICY_FILE } from '@warden/core';
import { type CliResponse, EXIT, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface InitOptions {
  /** Write the repository's `.warden/policy.yaml` instead of the user's policy. */
  project: boolean;
  force: boolean;
}

export const STARTER_POLICY = `# Warden policy. Check it with \`warden policy check\`; try it with
#   warden policy test -- 'rm -rf ~'
#   warden policy test --tool Read --path ~/.ssh/id_rsa
# Editor completion: the JSON Schema in @warden/core (policy.schema.json).
version: 1

# Start from a built-in pack: recommended (default), strict or observe.
extends: recommended

# enforce blocks; observe only records what would have been blocked.
# mode: enforce

# What happens to a tool call no rule matches: allow (default), ask or deny.
# defaultEffect: allow

# Switch off rules of the pack by id (\`warden policy explain\` shows which rule decided).
# disable:
#   - shell.git-reset-hard

rules:
  # The most restrictive effect wins (deny > ask > allow), whatever the order.
  - id: team.no-npm-publish
    effect: deny
    actions: [shell.exec]
    when:
      programs: [npm, pnpm, yarn]
      subcommands: [publish]
    reason: Releases are published by CI. Push a tag instead.

  # - id: team.ask-before-curl
  #   effect: ask
  #   actions: [shell.exec]
  #   when: { programs: [curl, wget] }
  #   reason: Network downloads need the user's approval.
`;

export const STARTER_PROJECT_POLICY = `# This repository's Warden policy, committed with the code. It applies to agents working
# inside the repository, on top of each user's own policy: it can add restrictions but can
# never weaken the user's (or the org's) unless the user runs \`warden trust\` here.
# Check it with \`warden policy check\`.
version: 1

rules:
  - id: repo.no-prod-deploy
    effect: deny
    actions: [shell.exec]
    when:
      programs: [kubectl]
      args: ['*prod*']
    reason: Production deploys go through the release pipeline.
`;

/** `warden init [--project]`: writes a commented starter policy, never over an existing one. */
export async function initCommand(options: InitOptions, context: CommandContext): Promise<CliResponse> {
  const file = options.project
    ? path.join(context.cwd, PROJECT_POLICY_PATH)
    : path.join(resolveWardenHome({ env: context.env }), USER_POLICY_FILE);
  if (existsSync(file) && !options.force)
    return fail(`${file} already exists; edit it, or pass --force to replace it`, EXIT.failed, context.json);
  try {
    mkdirSync(path.dirname(file), { recursive: true, ...(options.project ? {} : { mode: 0o700 }) });
    writeFileSync(file, options.project ? STARTER_PROJECT_POLICY : STARTER_POLICY, {
      mode: options.project ? 0o644 : 0o600,
    });
  } catch (error) {
    return fail(
      `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      EXIT.environment,
      context.json,
    );
  }
  return respond({
    json: context.json,
    data: { file, scope: options.project ? 'project' : 'user' },
    text: `Wrote ${file}.\nNext: edit it, then \`warden policy check\` and \`warden policy test -- '<a command>'\`.${options.project ? "\nCommit it with the code; it can only add restrictions to each user's policy." : ''}`,
  });
}
