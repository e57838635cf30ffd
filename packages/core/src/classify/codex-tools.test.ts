import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { configFor, TEST_HOME, TEST_PROJECT, toolEvent } from '../test-helpers.js';
import { classifyCodexTool } from './codex-tools.js';

const classify = (name: string, input: unknown, cwd = TEST_PROJECT) =>
  classifyCodexTool({ name, input, cwd, home: TEST_HOME });
const codexEvent = (name: string, input: unknown, cwd = TEST_PROJECT) =>
  toolEvent(name, input, { agent: 'codex', cwd });
const heredoc = (body: string, prefix = '') =>
  `${prefix}apply_patch <<'EOF'\n*** Begin Patch\n${body}\n*** End Patch\nEOF`;

describe('classifyCodexTool', () => {
  it('reads Bash as one command string (captured from Codex 0.169 exec_command)', () => {
    expect(classify('Bash', { command: 'touch /tmp/pwned' })).toEqual([
      { kind: 'shell.exec', tool: 'Bash', resources: { command: 'touch /tmp/pwned' } },
    ]);
    expect(classify('shell', { command: ['bash', '-lc', 'ls'] })[0]!.resources.command).toBe('bash -lc ls');
  });

  it('turns apply_patch into file writes and deletes on absolute paths (captured payload)', () => {
    const patch = '*** Begin Patch\n*** Add File: /tmp/pwned\n+pwned\n*** End Patch\n';
    expect(classify('apply_patch', { command: patch })).toEqual([
      { kind: 'file.write', tool: 'apply_patch', resources: { paths: ['/tmp/pwned'], text: 'pwned' } },
    ]);
    const moved = classify('apply_patch', {
      command:
        '*** Begin Patch\n*** Update File: a.ts\n*** Move to: ~/b.ts\n@@\n+x\n*** Delete File: c.ts\n*** End Patch',
    });
    expect(moved.map((action) => [action.kind, action.resources.paths])).toEqual([
      ['file.write', [`${TEST_PROJECT}/a.ts`]],
      ['file.delete', [`${TEST_PROJECT}/a.ts`]],
      ['file.write', [`${TEST_HOME}/b.ts`]],
      ['file.delete', [`${TEST_PROJECT}/c.ts`]],
    ]);
  });

  it('sees a patch applied from a shell heredoc, which Codex applies while the hook sees Bash', () => {
    const actions = classify('Bash', { command: heredoc('*** Add File: b.env\n+SECRET=1') });
    expect(actions.map((action) => action.kind)).toEqual(['shell.exec', 'file.write']);
    expect(actions[1]!.resources).toEqual({ paths: [`${TEST_PROJECT}/b.env`], text: 'SECRET=1' });
  });

  it('resolves a heredoc patch after `cd <dir> &&` against that directory too', () => {
    const actions = classify('Bash', { command: heredoc('*** Add File: passwd\n+x', 'cd /etc && ') });
    expect(actions[1]!.resources.paths).toEqual([`${TEST_PROJECT}/passwd`, '/etc/passwd']);
  });

  it('does not invent file actions for commands that merely mention a patch', () => {
    expect(classify('Bash', { command: "echo '*** Begin Patch'" })).toHaveLength(1);
    expect(classify('Bash', { command: 'git apply fix.patch' })).toHaveLength(1);
  });

  it('maps the other Codex tools', () => {
    expect(classify('view_image', { path: 'shot.png' })).toEqual([
      { kind: 'file.read', tool: 'view_image', resources: { paths: [`${TEST_PROJECT}/shot.png`] } },
    ]);
    expect(classify('spawn_agent', { message: 'review it', agent_type: 'explorer' })[0]).toMatchObject({
      kind: 'agent.spawn',
      resources: { agentType: 'explorer', text: 'review it' },
    });
    for (const tool of [
      'update_plan',
      'create_goal',
      'get_goal',
      'update_goal',
      'request_user_input',
      'tool_search',
    ])
      expect(classify(tool, {})[0]!.kind, tool).toBe('agent.internal');
    expect(classify('mcp__github__create_issue', { title: 'x' })[0]).toMatchObject({
      kind: 'mcp.call',
      resources: { mcpServer: 'github', mcpTool: 'create_issue' },
    });
    expect(classify('read_mcp_resource', { server: 'docs', uri: 'x://y' })[0]).toMatchObject({
      kind: 'mcp.call',
      resources: { mcpServer: 'docs' },
    });
    expect(classify('brand_new_tool', {})[0]!.kind).toBe('tool.other');
  });
});

describe('recommended policy on Codex tool calls', () => {
  const recommended = configFor();

  it('denies writing a secret file with apply_patch, directly or from a shell heredoc', () => {
    const direct = decide(
      codexEvent('apply_patch', { command: '*** Begin Patch\n*** Add File: .env\n+KEY=1\n*** End Patch' }),
      recommended,
    );
    expect(direct).toMatchObject({ effect: 'deny', ruleId: 'secrets.write-file' });
    const viaShell = decide(
      codexEvent('Bash', { command: heredoc('  *** Add File: .env\n+KEY=1') }),
      recommended,
    );
    expect(viaShell.effect).toBe('deny');
    expect(viaShell.trace.map((entry) => entry.ruleId)).toContain('secrets.write-file');
  });

  it("denies a heredoc patch of Codex's hook settings, which no shell rule would catch", () => {
    const decision = decide(
      codexEvent('Bash', { command: heredoc(`*** Add File: ${TEST_HOME}/.codex/hooks.json\n+{}`) }),
      recommended,
    );
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'guard.protect-config-files' });
  });

  it("denies patching Warden's own files and Codex's hook settings", () => {
    for (const path of [
      `${TEST_HOME}/.warden/config.yaml`,
      `${TEST_HOME}/.codex/hooks.json`,
      '.codex/config.toml',
    ]) {
      const decision = decide(
        codexEvent('apply_patch', { command: `*** Begin Patch\n*** Add File: ${path}\n+x\n*** End Patch` }),
        recommended,
      );
      expect(decision, path).toMatchObject({ effect: 'deny', ruleId: 'guard.protect-config-files' });
    }
  });

  it('denies a system write hidden behind `cd /etc &&`', () => {
    const decision = decide(
      codexEvent('Bash', { command: heredoc('*** Add File: hosts\n+x', 'cd /etc && ') }),
      recommended,
    );
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'files.write-system' });
  });

  it('judges relative paths against the working directory Codex reports (the exec_command workdir)', () => {
    expect(decide(codexEvent('Bash', { command: 'rm -rf .' }), recommended).effect).toBe('allow');
    expect(decide(codexEvent('Bash', { command: 'rm -rf .' }, TEST_HOME), recommended).effect).toBe('deny');
  });

  it('allows ordinary edits and commands', () => {
    const edit = decide(
      codexEvent('apply_patch', {
        command: '*** Begin Patch\n*** Update File: src/a.ts\n@@\n-a\n+b\n*** End Patch',
      }),
      recommended,
    );
    expect(edit.effect).toBe('allow');
    expect(decide(codexEvent('Bash', { command: 'npm test' }), recommended).effect).toBe('allow');
  });
});
