import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findProjectPolicy, projectTrust, resolveWardenHome, setProjectTrust } from '@warden/core';
import { type CliResponse, EXIT, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface TrustOptions {
  directory?: string;
  /** `warden trust --remove`: the repository's policy can only restrict again. */
  remove: boolean;
}

/**
 * `warden trust [DIR]`: lets this repository's `.warden/policy.yaml` weaken the user's policy
 * (disable or override its rules, switch to observe). Recorded in Warden's home with the
 * policy's digest, so a later change to the file (a pull, a malicious commit) is untrusted again.
 */
export async function trustCommand(options: TrustOptions, context: CommandContext): Promise<CliResponse> {
  const wardenHome = resolveWardenHome({ env: context.env });
  const cwd = path.resolve(context.cwd, options.directory ?? '.');
  const project = findProjectPolicy({ cwd, wardenHome, userHome: context.env.HOME ?? wardenHome });
  if (!project)
    return fail(
      `no .warden/policy.yaml in ${cwd} or its repository; nothing to trust`,
      EXIT.failed,
      context.json,
    );
  const text = readFileSync(project.file, 'utf8');
  if (options.remove) {
    const { changed } = setProjectTrust({ wardenHome, root: project.root, trust: false });
    return respond({
      json: context.json,
      data: { root: project.root, file: project.file, trusted: false, changed },
      text: changed
        ? `No longer trusted: ${project.file} can only add restrictions again.`
        : `${project.root} was not trusted; nothing changed.`,
    });
  }
  const before = projectTrust({ wardenHome, root: project.root, text });
  const { file } = setProjectTrust({ wardenHome, root: project.root, text, trust: true });
  return respond({
    json: context.json,
    data: { root: project.root, file: project.file, trusted: true, previously: before, trustFile: file },
    text: `Trusted ${project.file}${before === 'changed' ? ' (again, after it changed)' : ''}: it may now weaken your policy inside ${project.root}.\nRecorded in ${file}; if the file changes, it is untrusted again until you run \`warden trust\` once more.`,
  });
}
