import type { Policy } from '../policy/policy-schema.js';

/**
 * Safe defaults a team can live with: destructive shell commands and secret access are denied,
 * unknown tools are asked about, Warden's own files and the agents' hook settings are protected.
 * Every reason tells the agent what to do instead.
 */
/** Issued credential formats whose presence in an outgoing request is worth a question. */
const SENT_CREDENTIALS = [
  'secret.private_key',
  'secret.aws_access_key',
  'secret.github_token',
  'secret.gitlab_token',
  'secret.slack_token',
  'secret.anthropic_key',
  'secret.openai_key',
  'secret.stripe_key',
  'secret.npm_token',
];

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
      when: { targets: ['guard_config', 'agent_config'], access: ['write', 'delete', 'metadata'] },
      reason:
        "Agents may not change Warden's configuration, policies or audit log, or the agents' hook settings. Ask the user to make this change themselves.",
    },
    {
      // A link is a second name: `ln -s ~/.warden/config.yaml x`, then an edit of `x`. Making one to
      // or from a protected file is refused whatever the link's direction or kind.
      id: 'guard.protect-config-link',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['ln', 'gln', 'link'], targets: ['guard_config', 'agent_config'] },
      reason:
        "Agents may not link to Warden's configuration, policies or hook code, or the agents' hook settings: a link is a second way to change them. Ask the user to make this change themselves.",
    },
    {
      id: 'guard.protect-config-link-copy',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['cp', 'gcp'],
        flags: ['l|s|link|symbolic-link'],
        targets: ['guard_config', 'agent_config'],
      },
      reason:
        "Agents may not link to Warden's configuration, policies or hook code, or the agents' hook settings: a link is a second way to change them. Ask the user to make this change themselves.",
    },
    {
      id: 'guard.no-uninstall',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['warden-claude-code', 'warden-codex', 'warden'],
        args: ['uninstall', 'disable', 'resume', 'trust'],
      },
      reason: 'Agents may not switch the guard off. Ask the user if the guard is in the way.',
    },
    {
      // The launcher's way out, run by name or as a script (`sh ~/.warden/bin/warden-off`).
      id: 'guard.no-switch-off',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { programs: ['warden-off'] },
      reason: 'Agents may not switch the guard off. Ask the user if the guard is in the way.',
    },
    {
      id: 'guard.no-switch-off-script',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { paths: ['**/warden-off'] },
      reason: 'Agents may not switch the guard off. Ask the user if the guard is in the way.',
    },
    {
      // The package runners' route to the same commands: `npx @warden/cli uninstall`.
      id: 'guard.no-uninstall-npx',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['cli', 'cli@*', 'claude-code', 'claude-code@*', 'codex', 'codex@*'],
        via: ['npx', 'pnpx', 'bunx', 'pnpm*', 'yarn*', 'npm*'],
        args: ['uninstall', 'disable', 'resume', 'trust'],
      },
      reason: 'Agents may not switch the guard off. Ask the user if the guard is in the way.',
    },
    {
      id: 'shell.guard-tamper',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.guard_tamper'] },
      reason: 'Agents may not stop the guard. Ask the user if the guard is in the way.',
    },
    {
      id: 'shell.nested-agent-unguarded',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.nested_agent_unguarded'] },
      reason:
        'This starts another coding agent with its permission checks or hooks switched off, so nothing would guard it. Start it with its normal permissions, or ask the user.',
    },
    {
      id: 'shell.privilege-grant',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.privilege_grant'] },
      reason: 'This gives a user administrator rights. Ask the user to change accounts themselves.',
    },
    {
      id: 'shell.env-exfiltration',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.env_exfiltration'] },
      reason:
        'This sends the whole environment, with the tokens and keys it holds, over the network. Send only the named, non-secret values you need.',
    },
    {
      id: 'shell.database-exfiltration',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.database_exfiltration'] },
      reason:
        "This streams a database's dump (its users, data and secrets) to another machine. Dump to a local file the user can review, or ask the user.",
    },
    {
      id: 'shell.serve-home',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { subcommands: ['serve'], targets: ['home', 'root', 'system', 'secret'] },
      reason:
        'This serves the home directory, / or a system directory over HTTP, keys and credentials included. Serve a build directory inside the project instead.',
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
      // Using a key (`ssh -i key`) or sourcing `.env` is not reading it; changing permissions neither.
      when: { targets: ['secret'], access: ['read', 'write', 'delete', 'other'] },
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
    {
      // A credential in a URL or a sender's arguments leaves the machine with the request. Only
      // issued key formats: a Maps key or a signed URL's token are how those services are called.
      id: 'secrets.sent-over-network',
      effect: 'ask',
      actions: ['net.fetch', 'shell.exec'],
      when: {
        programs: ['curl', 'wget', 'wget2', 'http', 'https', 'xh', 'curlie', 'nc', 'ncat', 'netcat', 'socat'],
        findings: SENT_CREDENTIALS,
      },
      reason:
        'This request carries a credential to another host. Send it only to the service that issued it, through its own client or an environment variable, or ask the user.',
    },
    {
      id: 'secrets.sent-in-url',
      effect: 'ask',
      actions: ['net.fetch'],
      when: { findings: SENT_CREDENTIALS },
      reason:
        'The URL carries a credential, which would be sent to another host and kept in its logs. Ask the user before sending it.',
    },
    {
      // The instance metadata service hands out the machine's cloud credentials to anyone on it.
      id: 'net.cloud-metadata-credentials',
      effect: 'deny',
      actions: ['net.fetch', 'shell.exec'],
      when: { findings: ['net.cloud_metadata_credentials'] },
      reason:
        "This asks the cloud metadata service for the machine's credentials. Use the credentials the task was given, or ask the user.",
    },
    {
      id: 'net.cloud-metadata',
      effect: 'ask',
      actions: ['net.fetch', 'shell.exec'],
      when: { findings: ['net.cloud_metadata'] },
      reason:
        "This reaches the cloud instance metadata service, which also serves the machine's credentials. Ask the user first.",
    },
    {
      id: 'files.planted-command',
      effect: 'ask',
      actions: ['file.write'],
      when: { findings: ['file.planted_command'] },
      reason:
        'This writes a command that runs later on its own (a package script, a build recipe, a CI step, a hook) and downloads code to run, opens a shell to the network or sends the environment away. Ask the user before planting it.',
    },
    {
      id: 'mcp.destructive-tool',
      effect: 'ask',
      actions: ['mcp.call'],
      when: { findings: ['mcp.destructive_tool'] },
      reason:
        'This MCP tool deletes or destroys what it names, which cannot be taken back. Ask the user before running it.',
    },
    // --- Destructive shell commands --------------------------------------------------------
    {
      id: 'shell.rm-no-preserve-root',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.rm_no_preserve_root'] },
      reason:
        'rm --no-preserve-root removes the protection of /. Delete specific paths inside the project instead.',
    },
    {
      id: 'shell.write-device',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { targets: ['device'], access: ['write', 'delete'] },
      reason:
        'Writing to a disk device destroys its file systems. Write to an image file inside the project (for example ./disk.img) instead, or ask the user.',
    },
    {
      id: 'shell.recursive-permissions-system',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        programs: ['chmod', 'chown', 'chgrp', 'chattr', 'setfacl'],
        flags: ['R|recursive'],
        targets: ['root', 'home', 'system'],
      },
      reason:
        'Recursive permission changes on /, the home directory or system directories are not allowed. Change permissions only on project files.',
    },
    {
      id: 'shell.recursive-delete-outside-project',
      effect: 'deny',
      actions: ['shell.exec'],
      when: {
        // rm -r, find -delete, rsync --delete: anything that deletes a tree.
        flags: [
          'r|R|recursive|delete|delete-before|delete-during|delete-after|delete-excluded|remove-source-files',
        ],
        access: ['delete'],
        targets: ['root', 'home', 'system', 'outside_project & !tmp'],
      },
      reason:
        'Recursive deletion outside the project (or of the home directory, a system directory or /) is not allowed. Delete only paths inside the project (or under /tmp), or ask the user to do it.',
    },
    {
      id: 'shell.delete-system',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { access: ['delete'], targets: ['root', 'home', 'system'] },
      reason: 'Deleting system files is not allowed. Ask the user to do it if it is really needed.',
    },
    {
      id: 'shell.write-home',
      effect: 'ask',
      actions: ['shell.exec'],
      // The home directory itself, not a file in it: an archive extracted there, a tree copied
      // over it, or a glob over its entries can overwrite start-up files, keys and settings.
      when: { access: ['write', 'metadata'], targets: ['home'] },
      reason:
        'This writes into the home directory itself, where an archive or a copied tree can replace shell start-up files, SSH keys or agent settings. Extract or copy into a subdirectory (or the project) instead, or ask the user.',
    },
    {
      id: 'shell.write-system',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { access: ['write', 'metadata'], targets: ['root', 'system'] },
      reason:
        'Changing system files is not allowed. Install into the project (node_modules/.bin, a virtualenv, ./bin) or tell the user the command to run.',
    },
    {
      id: 'shell.write-shell-rc',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { access: ['write', 'delete', 'metadata'], targets: ['shell_rc'] },
      reason:
        'Shell start-up files run in every new shell. Tell the user what to add instead of editing them.',
    },
    {
      id: 'shell.write-autorun',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { access: ['write', 'delete', 'metadata'], targets: ['autorun & !project'] },
      reason:
        'This changes a place whose content runs on its own later (aliases and profiles, user services, autostart, LaunchAgents, user bin directories, Python .pth files, git hooks and config). Tell the user what to add instead.',
    },
    {
      id: 'shell.write-project-autorun',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { access: ['write', 'delete', 'metadata'], targets: ['autorun & project'] },
      reason:
        'This changes the repository hooks or git configuration, which run on their own later. Ask the user to confirm, or use the project hook manager (husky, lefthook) through its own commands.',
    },
    {
      id: 'shell.delete-git-dir',
      effect: 'deny',
      actions: ['shell.exec'],
      // The project's own history wherever the project lives; other repositories' outside /tmp.
      when: { access: ['delete'], targets: ['git_dir & project', 'git_dir & !tmp'] },
      reason:
        "This deletes a repository's .git directory and with it every commit, branch and stash. Ask the user to do it if it is really meant.",
    },
    {
      id: 'shell.kill-all',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.kill_all'] },
      reason: 'This signals every process (or init). Kill the specific process by its pid or name instead.',
    },
    {
      id: 'shell.crontab-remove',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.crontab_remove'] },
      reason: 'crontab -r deletes every scheduled job. Use crontab -e to change one entry, or ask the user.',
    },
    {
      id: 'shell.firewall-flush',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.firewall_flush'] },
      reason:
        'This removes firewall rules or switches the firewall off. Ask the user to change the firewall.',
    },
    {
      id: 'shell.system-power',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.system_power'] },
      reason: 'This shuts down or reboots the machine. Ask the user to do it.',
    },
    {
      id: 'shell.git-no-verify',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_no_verify'] },
      reason: 'Skipping the repository hooks hides failures. Run the hooks and fix what they report.',
    },
    // --- Code the agent cannot review: reverse shells, fork bombs, downloads, obfuscation --
    // (after the destructive rules, so a decoded `rm -rf /` is reported as what it does)
    {
      id: 'shell.root-shell',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.root_shell'] },
      reason:
        'This opens an interactive shell as root or another user; the commands typed into it cannot be checked. Run each privileged command on its own (sudo <command>), or ask the user.',
    },
    {
      id: 'shell.port-exposure',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.port_exposure'] },
      reason:
        'This publishes a port of this machine on the internet, where anyone can reach what listens on it. Use a local port, or ask the user.',
    },
    {
      id: 'shell.reverse-shell',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.reverse_shell'] },
      reason:
        'This connects a shell to a network socket (a reverse or bind shell). Use ssh or the project tooling to reach other machines.',
    },
    {
      id: 'shell.fork-bomb',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.fork_bomb'] },
      reason:
        'This starts processes without end and would take the machine down. Use a loop with a fixed count or a job queue instead.',
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
      id: 'shell.decode-exec',
      effect: 'deny',
      actions: ['shell.exec'],
      when: { findings: ['shell.decode_exec'] },
      reason:
        'This command decodes hidden text and runs it. Write the command out in plain text so it can be reviewed.',
    },
    // --- Commands that lose work or touch shared systems: the user decides ----------------
    {
      id: 'shell.credential-print',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.credential_print'] },
      reason:
        'This prints a credential (an access token, a password, a secret value), which would land in the transcript. Use the tool that needs it directly, or ask the user.',
    },
    {
      id: 'shell.database-destructive',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.database_destructive'] },
      reason:
        'This drops, truncates or empties database data. Show the user the statement and let them run it, or work on a local copy.',
    },
    {
      id: 'shell.hosted-destructive',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.hosted_destructive'] },
      reason:
        'This deletes or exposes something on the hosting platform (a repository, release, secret or key). Ask the user to confirm.',
    },
    {
      id: 'shell.infra-replace',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.infra_replace'] },
      reason:
        'This forces infrastructure to be rebuilt or edits its state by hand. Run a plan and let the user confirm.',
    },
    {
      id: 'shell.remote-exec',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.remote_exec'] },
      reason: 'This runs commands on other machines. Ask the user to confirm the command and the hosts.',
    },
    {
      id: 'shell.git-config-exec',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_config_exec'] },
      reason:
        'This makes git run a program on its own later (hooks path, fsmonitor, ssh command, credential helper, filter). Ask the user to set it.',
    },
    {
      id: 'shell.persistence',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.persistence'] },
      reason:
        'This makes a service or agent start on its own later. Run it in the foreground instead, or ask the user to enable it.',
    },
    {
      id: 'shell.deferred-exec',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.deferred_exec'] },
      reason:
        'This hands commands to something that runs them later or outside this shell. Run the commands directly, or ask the user.',
    },
    {
      id: 'shell.account-change',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.account_change'] },
      reason: 'This changes the user accounts of the machine. Ask the user to do it.',
    },
    {
      id: 'shell.opaque-exec',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.opaque_exec'] },
      reason:
        'A shell would run whatever this program prints, which is only known when it runs. Save the output to a file, show it, and run it only if the user agrees.',
    },
    {
      id: 'shell.unknown-access-sensitive',
      effect: 'ask',
      actions: ['shell.exec'],
      when: {
        access: ['other'],
        targets: [
          'guard_config',
          'agent_config',
          'shell_rc',
          'autorun',
          'git_dir & outside_project',
          'system',
        ],
      },
      reason:
        "Warden does not know what this program does with a file it names, and the file is sensitive (the guard's or an agent's settings, a start-up file, a system file, another repository's history). Ask the user to confirm.",
    },
    {
      id: 'shell.git-force-push-protected',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_force_push_protected'] },
      reason:
        'Force-pushing a protected branch (main, master, release, production, ...) rewrites history others build on. Push a new branch and open a pull request instead, or ask the user to confirm.',
    },
    {
      id: 'shell.git-force-push',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_force_push'] },
      reason:
        'Force-pushing rewrites shared history. Use git push --force-with-lease on your own branch, or ask the user to confirm.',
    },
    {
      id: 'shell.git-push-delete',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_push_delete'] },
      reason: 'This deletes branches or tags on the remote. Ask the user to confirm.',
    },
    {
      id: 'shell.git-reset-hard',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_reset_hard'] },
      reason:
        'git reset --hard discards uncommitted work. Commit or stash first, or ask the user to confirm.',
    },
    {
      id: 'shell.git-clean',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_clean'] },
      reason:
        'git clean -f deletes untracked files for good. Run git clean -n to list them and remove specific files, or ask the user.',
    },
    {
      id: 'shell.git-discard-all',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_discard_all'] },
      reason:
        'This throws away every uncommitted change in the working tree. Stash (git stash) or commit first, or ask the user.',
    },
    {
      id: 'shell.git-discard-changes',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_discard_changes'] },
      reason:
        'This throws away uncommitted changes to these files. Check git diff first or stash them, or ask the user.',
    },
    {
      id: 'shell.git-stash-drop',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_stash_drop'] },
      reason:
        'This deletes stashed work for good. Apply or inspect the stash first (git stash show -p), or ask the user.',
    },
    {
      id: 'shell.git-branch-force-delete',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_branch_force_delete'] },
      reason: 'git branch -D deletes a branch even if it is not merged. Use git branch -d, or ask the user.',
    },
    {
      id: 'shell.git-tag-delete',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_tag_delete'] },
      reason: 'This deletes tags. Ask the user to confirm.',
    },
    {
      id: 'shell.git-history-rewrite',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.git_history_rewrite'] },
      reason:
        'This rewrites or prunes repository history. Ask the user to confirm, and make a backup branch first.',
    },
    {
      id: 'shell.package-publish',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.package_publish'] },
      reason:
        'Publishing a package or image is visible to everyone and hard to undo. Ask the user to publish.',
    },
    {
      id: 'shell.crontab-replace',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.crontab_replace'] },
      reason:
        'This replaces the crontab: its jobs run unattended. Show the user the entries and let them install them.',
    },
    {
      id: 'shell.service-control',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.service_control'] },
      reason: 'This stops or changes system services. Ask the user to confirm.',
    },
    {
      id: 'shell.docker-prune',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.docker_prune'] },
      reason:
        'This deletes Docker containers, images or volumes for good. Remove the specific container or image instead, or ask the user.',
    },
    {
      id: 'shell.docker-privileged',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.docker_privileged'] },
      reason:
        'A privileged container can take over the host. Run without --privileged and with only the capabilities needed, or ask the user.',
    },
    {
      id: 'shell.docker-host-mount',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.docker_host_mount'] },
      reason:
        'The container would mount the host root, home, system directories or the Docker socket. Mount only the project directory, or ask the user.',
    },
    {
      id: 'shell.kubectl-delete',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.kubectl_delete'] },
      reason:
        'This removes or disrupts cluster resources. Show the user what would change (kubectl diff, --dry-run=client) and let them confirm.',
    },
    {
      id: 'shell.infra-apply-unreviewed',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.infra_apply_unreviewed'] },
      reason:
        'This applies infrastructure changes without showing the plan for approval, and an apply can replace or delete resources. Run the plan (terraform plan, pulumi preview, cdk diff) and let the user confirm.',
    },
    {
      id: 'shell.cloud-exposure',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.cloud_exposure'] },
      reason:
        'This grants administrator rights over a cloud account, project or cluster, or opens a resource to the whole internet. Grant a narrower role or address range, or ask the user.',
    },
    {
      id: 'shell.host-disrupt',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.host_disrupt'] },
      reason:
        "This changes the machine's mounts, swap, kernel settings, network interfaces or storage pools, which can take it or its network down. Tell the user the command to run instead.",
    },
    {
      id: 'shell.security-disable',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.security_disable'] },
      reason:
        "This switches off one of the operating system's own protections (Gatekeeper, SIP, SELinux, AppArmor, the quarantine of downloads). Ask the user to do it if it is really meant.",
    },
    {
      id: 'shell.system-package-remove',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.system_package_remove'] },
      reason:
        'This removes packages from the machine that other programs and services may depend on. Tell the user the command instead, or ask.',
    },
    {
      id: 'shell.source-redirect',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.source_redirect'] },
      reason:
        'This changes where packages or repositories are fetched from, for every later install or clone. Ask the user to confirm the registry.',
    },
    {
      id: 'shell.infra-destroy',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.infra_destroy'] },
      reason: 'This destroys infrastructure. Run a plan first and let the user confirm.',
    },
    {
      id: 'shell.cloud-delete',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.cloud_delete'] },
      reason: 'This deletes cloud resources or data. Ask the user to confirm.',
    },
    {
      id: 'shell.recursive-delete-unknown-target',
      effect: 'ask',
      actions: ['shell.exec'],
      when: {
        flags: ['r|R|recursive|delete'],
        access: ['delete'],
        targets: ['unknown'],
      },
      reason:
        'What this deletes depends on a variable or a command output that is only known when it runs (an empty "$DIR" would make it /). Write the path out, or check the variable first.',
    },
    {
      id: 'shell.delete-outside-project',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { access: ['delete'], targets: ['outside_project & !tmp'] },
      reason:
        'This deletes files outside the project. Ask the user to confirm, or work on a copy inside the project.',
    },
    {
      id: 'shell.dynamic-targets',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.dynamic_targets'] },
      reason:
        'The files to delete come from a pipe and cannot be checked. List them first and delete explicit paths.',
    },
    {
      id: 'shell.inline-code-exec',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.inline_code_exec'] },
      reason:
        'The inline code runs programs or deletes files with computed arguments. Write the commands out in the shell, or put the code in a file the user can review.',
    },
    {
      id: 'shell.dynamic-command',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.dynamic_command'] },
      reason:
        'What this command runs is only known when it runs (a variable or a substitution as the program or script). Write the command out literally.',
    },
    {
      id: 'shell.unparseable',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.unparseable'] },
      reason:
        'Warden could not parse this command, so it cannot tell what it would run. Rewrite it in plain shell syntax.',
    },
    {
      id: 'shell.too-complex',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { findings: ['shell.too_complex'] },
      reason: 'This command is too large or nested too deeply to check. Split it into smaller commands.',
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
      id: 'files.write-autorun',
      effect: 'ask',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['autorun'] },
      reason:
        'This file runs on its own later (aliases, user services, autostart, LaunchAgents, user bin directories, Python .pth files, git hooks and config). Tell the user what to add instead.',
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
