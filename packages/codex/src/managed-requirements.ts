import path from 'node:path';
import { wardenHookGroups } from './install.js';

/** A TOML basic string: JSON's escapes are all valid TOML, except that TOML also wants DEL escaped. */
function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007F');
}

/**
 * The `requirements.toml` form of Warden's hooks, for fleets: an administrator puts it in
 * `/etc/codex/requirements.toml` (or the MDM / cloud equivalent), and Codex runs these hooks as
 * managed hooks, trusted by policy, without the per-user /hooks review, which users cannot disable.
 * With `allowManagedOnly`, Codex also ignores every user, project and plugin hook.
 */
export function managedRequirementsToml(options: {
  command: string;
  hookScript: string;
  allowManagedOnly?: boolean;
}): string {
  const lines = [
    '# Warden for Codex: managed hooks. Put this in /etc/codex/requirements.toml (or your MDM /',
    '# cloud-managed requirements). Codex trusts managed hooks by policy; users cannot turn them off.',
    '',
  ];
  if (options.allowManagedOnly) lines.push('allow_managed_hooks_only = true', '');
  lines.push('[features]', 'hooks = true', '', '[hooks]');
  lines.push(`managed_dir = ${tomlString(path.dirname(options.hookScript))}`);
  for (const [event, group] of Object.entries(wardenHookGroups(options.command))) {
    lines.push('', `[[hooks.${event}]]`);
    if (group.matcher !== undefined) lines.push(`matcher = ${tomlString(group.matcher)}`);
    for (const handler of group.hooks) {
      lines.push(`[[hooks.${event}.hooks]]`, `type = ${tomlString(handler.type)}`);
      lines.push(`command = ${tomlString(handler.command ?? '')}`, `timeout = ${handler.timeout}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
