import type { Policy } from '../policy/policy-schema.js';

/**
 * Safe defaults a team can live with: destructive shell commands and secret access are denied,
 * unknown tools are asked about, Warden's own files and the agents' hook settings are protected.
 * Every reason tells the agent what to do instead.
 */
export const recommendedPack: Policy = {
  version: 1,
  mode: 'enforce',
  defaultEffect: 'allow',
  rules: [
    // --- Self-protection -------------------------------------------------------------------
    {
      id: 'guard.protect-config-files',
      effect: 'deny',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['guard_config', 'agent_config'] },
      reason:
        "Agents may not change Warden's configuration, policies or audit log, or the agents' hook settings. Ask the user to make this change themselves.",
    },
    {
      id: 'guard.protect-config-shell',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: [
          'rm',
          'mv',
          'cp',
          'tee',
          'sed',
          'perl',
          'truncate',
          'chmod',
          'chown',
          'ln',
          'install',
          'dd',
          'shred',
          'unlink',
          'rsync',
        ],
        targets: ['guard_config', 'agent_config'],
      },
      reason:
        "Agents may not change Warden's configuration, policies or audit log, or the agents' hook settings. Ask the user to make this change themselves.",
    },
    {
      id: 'guard.no-uninstall',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['warden-claude-code', 'warden-codex', 'warden'], args: ['uninstall', 'disable'] },
      reason: 'Agents may not switch the guard off. Ask the user if the guard is in the way.',
    },
    // --- Secrets ---------------------------------------------------------------------------
    {
      id: 'secrets.read-file',
      effect: 'deny',
      actions: ['file.read'],
      when: { targets: ['secret'] },
      reason:
        'This file holds credentials (keys, tokens, .env). Do not read it; ask the user for the specific non-secret value you need, or use an example file such as .env.example.',
    },
    {
      id: 'secrets.write-file',
      effect: 'deny',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['secret'] },
      reason:
        'This file holds credentials. Do not change it; tell the user what should change and let them do it.',
    },
    {
      id: 'secrets.shell-access',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { targets: ['secret'] },
      reason:
        'This command touches credential files (SSH keys, cloud credentials, .env). Do not read or copy them; ask the user for what you need.',
    },
    {
      id: 'secrets.in-prompt',
      effect: 'deny',
      actions: ['prompt.submit'],
      when: {
        findings: [
          'secret.private_key',
          'secret.aws_access_key',
          'secret.github_token',
          'secret.anthropic_key',
          'secret.openai_key',
          'secret.stripe_key',
          'secret.slack_token',
          'secret.gitlab_token',
          'secret.npm_token',
        ],
      },
      reason:
        'The prompt contains a credential, which would be sent to the model provider. Remove it and reference it by name instead.',
    },
    {
      id: 'secrets.in-written-file',
      effect: 'ask',
      actions: ['file.write'],
      when: {
        findings: [
          'secret.private_key',
          'secret.aws_access_key',
          'secret.github_token',
          'secret.anthropic_key',
          'secret.openai_key',
          'secret.stripe_key',
        ],
      },
      reason:
        'The content being written contains a credential. Read it from an environment variable or a secret store instead of hard-coding it.',
    },
    // --- Destructive shell commands --------------------------------------------------------
    {
      id: 'shell.recursive-delete-outside-project',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['rm'],
        flags: ['r|R|recursive'],
        targets: ['root', 'home', 'system', 'outside_project & !tmp'],
      },
      reason:
        'Recursive deletion outside the project (or of the home directory, a system directory or /) is not allowed. Delete only paths inside the project, or ask the user to do it.',
    },
    {
      id: 'shell.delete-system',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['rm', 'shred', 'unlink'], targets: ['root', 'system'] },
      reason: 'Deleting system files is not allowed. Ask the user to do it if it is really needed.',
    },
    {
      id: 'shell.disk-destroy',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['mkfs', 'mkfs.*', 'wipefs', 'fdisk', 'sfdisk', 'parted'] },
      reason: 'Formatting or partitioning disks is not allowed. Ask the user to do it.',
    },
    {
      id: 'shell.dd-device',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['dd'], args: ['of=/dev/*'] },
      reason: 'Writing raw data to a device is not allowed. Write to a file inside the project instead.',
    },
    {
      id: 'shell.recursive-permissions-system',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['chmod', 'chown', 'chgrp'],
        flags: ['R|recursive'],
        targets: ['root', 'home', 'system'],
      },
      reason:
        'Recursive permission changes on /, the home directory or system directories are not allowed. Change permissions only on project files.',
    },
    {
      id: 'shell.download-exec',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.download_exec'] },
      reason:
        'Piping a download into a shell runs unreviewed code. Download the script to a file, show it to the user, and run it only if they agree.',
    },
    {
      id: 'shell.git-force-push',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { programs: ['git'], args: ['push'], flags: ['f|force|force-with-lease'] },
      reason: 'Force-pushing rewrites shared history. Push without --force, or ask the user to confirm.',
    },
    {
      id: 'shell.git-reset-hard',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { programs: ['git'], args: ['reset'], flags: ['hard'] },
      reason:
        'git reset --hard discards uncommitted work. Commit or stash first, or ask the user to confirm.',
    },
    {
      id: 'shell.unparseable',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.unparseable'] },
      reason:
        'Warden could not parse this command, so it cannot tell what it would run. Rewrite it in plain shell syntax.',
    },
    // --- Files outside the project ---------------------------------------------------------
    {
      id: 'files.write-system',
      effect: 'deny',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['root', 'system'] },
      reason:
        'Writing system files is not allowed. Write inside the project, or tell the user what to change.',
    },
    {
      id: 'files.write-shell-rc',
      effect: 'ask',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['shell_rc'] },
      reason:
        'Shell start-up files run in every new shell. Tell the user what to add instead of editing them.',
    },
    // --- Unknown tools ---------------------------------------------------------------------
    {
      id: 'tools.unknown',
      effect: 'ask',
      actions: ['tool.other'],
      reason: 'Warden does not know what this tool does, so the user must approve it.',
    },
  ],
};
