import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HookCallback, HookEvent, HookInput, HookJSONOutput } from '@anthropic-ai/claude-agent-sdk';
import { type Policy, toAuditEntry, verifyAuditLog, writeAuditRecord } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import postToolUseSample from './__fixtures__/agent-sdk-PostToolUse.json' with { type: 'json' };
import preToolUseSample from './__fixtures__/agent-sdk-PreToolUse.json' with { type: 'json' };
import stopSample from './__fixtures__/agent-sdk-Stop.json' with { type: 'json' };
import promptSample from './__fixtures__/agent-sdk-UserPromptSubmit.json' with { type: 'json' };
import { readAuditRecords } from './test-helpers.js';
import { type WardenHooksOptions, wardenHooks } from './warden-hooks.js';

const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----';
const CONTEXT = { userId: 'user-42', clientIp: '203.0.113.7', tenant: 'acme', labels: { plan: 'pro' } };

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-agent-sdk-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const auditRecords = () => readAuditRecords(path.join(home, 'audit'));

/** Builds the hooks and returns a caller that invokes them as the SDK would. */
function setUp(options: WardenHooksOptions = {}) {
  const hooks = wardenHooks({ home, context: CONTEXT, ...options });
  const call = async (input: object, toolUseId?: string): Promise<HookJSONOutput> => {
    const event = (input as { hook_event_name: HookEvent }).hook_event_name;
    const matchers = hooks[event];
    if (!matchers) throw new Error(`no hooks for ${event}`);
    const outputs: HookJSONOutput[] = [];
    for (const matcher of matchers) {
      for (const callback of matcher.hooks) {
        outputs.push(await callback(input as HookInput, toolUseId, { signal: new AbortController().signal }));
      }
    }
    expect(outputs).toHaveLength(1);
    return outputs[0]!;
  };
  return { hooks, call };
}

const bash = (command: string) => ({ ...preToolUseSample, tool_input: { command, description: 'run' } });

describe('wardenHooks', () => {
  it('registers one all-tools matcher per guarded event, with timeouts and fail-closed blocking', () => {
    const { hooks } = setUp();
    expect(Object.keys(hooks).sort()).toEqual(
      [
        'PermissionRequest',
        'PostToolUse',
        'PostToolUseFailure',
        'PreToolUse',
        'SessionEnd',
        'SessionStart',
        'Stop',
        'SubagentStop',
        'UserPromptSubmit',
      ].sort(),
    );
    for (const [event, matchers] of Object.entries(hooks)) {
      expect(matchers, event).toHaveLength(1);
      // No matcher string: the SDK runs the callback for every tool, MCP and subagent tools included.
      expect(matchers![0]!.matcher, event).toBeUndefined();
      expect(matchers![0]!.timeout, event).toBe(30);
    }
    expect(hooks.PreToolUse![0]!.onFailure).toBe('block');
    expect(hooks.PermissionRequest![0]!.onFailure).toBe('block');
    expect(hooks.UserPromptSubmit![0]!.onFailure).toBe('block');
    expect(hooks.PostToolUse![0]!.onFailure).toBeUndefined();
    expect(hooks.Stop![0]!.onFailure).toBeUndefined();
  });

  it('leaves onFailure unset where the failure policy is open', () => {
    const { hooks } = setUp({ failure: { tool_call: 'open' }, timeoutSeconds: 5 });
    expect(hooks.PreToolUse![0]!.onFailure).toBeUndefined();
    expect(hooks.PreToolUse![0]!.timeout).toBe(5);
    expect(hooks.UserPromptSubmit![0]!.onFailure).toBe('block');
  });

  it('lets the captured harmless tool call through with an empty answer', async () => {
    const { call } = setUp();
    expect(preToolUseSample.tool_input.command).toBe('touch /tmp/pwned');
    expect(await call(preToolUseSample, preToolUseSample.tool_use_id)).toEqual({});
  });

  it('redacts a cloud key out of a tool result before the model reads it', async () => {
    const { call } = setUp();
    const key = ['AKIA', 'IOSFODNN7', 'EXAMPLQ'].join('');
    const input = {
      ...postToolUseSample,
      tool_response: { ...postToolUseSample.tool_response, stdout: `KEY=${key}` },
    };
    const output = await call(input, postToolUseSample.tool_use_id);
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Warden replaced secret.aws_access_key in this output with [REDACTED:…] markers.',
        updatedToolOutput: {
          ...postToolUseSample.tool_response,
          stdout: 'KEY=[REDACTED:secret.aws_access_key]',
        },
      },
    });
    expect(JSON.stringify(auditRecords())).not.toContain(key);
  });

  it('denies a destructive command in the SDK output shape, with a reason for the model', async () => {
    const { call } = setUp();
    const output = await call(bash("sudo bash -c 'rm -rf ~/'"), 'toolu_1');
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: expect.stringMatching(
          /^Warden \(shell\.recursive-delete-outside-project\): /,
        ),
      },
    });
  });

  it('asks when the policy asks, and approves explicitly only when a rule allows on purpose', async () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'allow-tests',
          effect: 'allow',
          actions: ['shell.exec'],
          when: { programs: ['npm'] },
          reason: 'tests are fine',
        },
      ],
    };
    const { call } = setUp({ policy });
    expect(await call(bash('git push --force origin main'))).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'ask' },
    });
    expect(await call(bash('npm test'))).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: 'Warden (allow-tests): tests are fine',
      },
    });
    expect(await call(bash('ls'))).toEqual({});
  });

  it('guards MCP tools and the tool calls of subagents', async () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'no-repo-delete',
          effect: 'deny',
          actions: ['mcp.call'],
          when: { mcpTools: ['delete_*'] },
          reason: 'no',
        },
      ],
    };
    const { call } = setUp({ policy });
    const mcp = {
      ...preToolUseSample,
      tool_name: 'mcp__github__delete_repository',
      tool_input: { repo: 'acme/api' },
      mcp_server: { name: 'github', source: 'user' },
    };
    expect(await call(mcp)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    const subagent = { ...bash('rm -rf /'), agent_id: 'agent-7', agent_type: 'general-purpose' };
    expect(await call(subagent)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    const records = auditRecords();
    expect(records[0]).toMatchObject({ tool: 'mcp__github__delete_repository', ruleId: 'no-repo-delete' });
    expect(records[1]).toMatchObject({ meta: { agent_id: 'agent-7', agent_type: 'general-purpose' } });
  });

  it('denies a permission request in the PermissionRequest shape and leaves the rest to the SDK', async () => {
    const { call } = setUp();
    const { tool_use_id: _toolUseId, ...withoutId } = preToolUseSample;
    const request = { ...withoutId, hook_event_name: 'PermissionRequest', permission_suggestions: [] };
    expect(
      await call({ ...request, tool_input: { command: 'rm -rf ~/' } }, preToolUseSample.tool_use_id),
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: expect.stringContaining('Warden (shell.recursive-delete') },
      },
    });
    expect(await call(request, preToolUseSample.tool_use_id)).toEqual({});
    // The tool use id comes from the callback's argument, since the input has none.
    expect(auditRecords()[0]).toMatchObject({ hookEvent: 'PermissionRequest', phase: 'tool_call' });
  });

  it('blocks a prompt that carries a private key without echoing it, and lets the captured prompt through', async () => {
    const { call } = setUp();
    expect(await call(promptSample)).toEqual({});
    const output = await call({ ...promptSample, prompt: `Deploy with this key:\n${PRIVATE_KEY}` });
    expect(output).toEqual({
      decision: 'block',
      reason: expect.stringMatching(/^Warden \(secrets\.in-prompt\): /),
      hookSpecificOutput: { hookEventName: 'UserPromptSubmit', suppressOriginalPrompt: true },
    });
    expect(JSON.stringify(output)).not.toContain('OPENSSH PRIVATE KEY');
    // The audit log names the finding but never stores the key.
    const records = auditRecords();
    expect(records[1]).toMatchObject({
      effect: 'deny',
      findings: [expect.objectContaining({ id: 'secret.private_key' })],
    });
    expect(JSON.stringify(records)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
  });

  it('records tool results and blocks one that a result rule denies', async () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'no-keys-in-output',
          effect: 'deny',
          phases: ['tool_result'],
          when: { findings: ['secret.*'] },
          reason: 'The output holds a credential: do not repeat it.',
        },
      ],
    };
    const { call } = setUp({ policy });
    expect(await call(postToolUseSample, postToolUseSample.tool_use_id)).toEqual({});
    const leaking = {
      ...postToolUseSample,
      tool_response: { ...postToolUseSample.tool_response, stdout: PRIVATE_KEY },
    };
    // The block tells the model why; the redaction keeps the key itself from it.
    expect(await call(leaking)).toEqual({
      decision: 'block',
      reason: 'Warden (no-keys-in-output): The output holds a credential: do not repeat it.',
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Warden replaced secret.private_key in this output with [REDACTED:…] markers.',
        updatedToolOutput: { ...postToolUseSample.tool_response, stdout: '[REDACTED:secret.private_key]' },
      },
    });
    expect(auditRecords().map((record) => [record.hookEvent, record.phase, record.effect])).toEqual([
      ['PostToolUse', 'tool_result', 'allow'],
      ['PostToolUse', 'tool_result', 'deny'],
    ]);
  });

  describe('the Stop guardrail', () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'no-internal-hosts',
          effect: 'deny',
          actions: ['response.final'],
          when: { matches: ['internal\\.acme'] },
          reason: 'Do not mention internal host names; answer again without them.',
        },
      ],
    };
    const leaky = { ...stopSample, last_assistant_message: 'Deployed to db.internal.acme.' };

    it('lets the captured answer end the turn', async () => {
      const { call } = setUp({ policy });
      expect(await call(stopSample)).toEqual({});
    });

    it('sends a denied answer back with the reason, at most maxResponseRetries times per turn', async () => {
      const { call } = setUp({ policy, maxResponseRetries: 2 });
      const block = { decision: 'block', reason: expect.stringContaining('Warden (no-internal-hosts)') };
      expect(await call(leaky)).toEqual(block);
      expect(await call({ ...leaky, stop_hook_active: true })).toEqual(block);
      // The third denied answer in a row goes through, with a warning for the app, so the agent cannot loop.
      expect(await call({ ...leaky, stop_hook_active: true })).toEqual({
        systemMessage: expect.stringMatching(/^Warden: the answer still breaks the policy after 2 retries/),
      });
      // A new turn starts with a fresh budget.
      expect(await call(leaky)).toEqual(block);
      expect(auditRecords().map((record) => record.meta?.response_retries)).toEqual([0, 1, 2, 0]);
    });

    it('counts retries per session and per subagent', async () => {
      const { call } = setUp({ policy, maxResponseRetries: 1 });
      expect(await call(leaky)).toHaveProperty('decision', 'block');
      expect(await call({ ...leaky, session_id: 'other-session' })).toHaveProperty('decision', 'block');
      const subagentStop = {
        ...leaky,
        hook_event_name: 'SubagentStop',
        agent_id: 'agent-1',
        agent_type: 'Explore',
        agent_transcript_path: '/tmp/agent.jsonl',
      };
      expect(await call(subagentStop)).toHaveProperty('decision', 'block');
      expect(await call(subagentStop)).toHaveProperty('systemMessage');
      expect(await call(leaky)).toHaveProperty('systemMessage');
    });

    it('never sends an answer back when maxResponseRetries is 0', async () => {
      const { call } = setUp({ policy, maxResponseRetries: 0 });
      expect(await call(leaky)).toHaveProperty('systemMessage');
    });
  });

  it('records session start and end', async () => {
    const { call } = setUp();
    const base = {
      session_id: stopSample.session_id,
      transcript_path: stopSample.transcript_path,
      cwd: stopSample.cwd,
    };
    expect(
      await call({ ...base, hook_event_name: 'SessionStart', source: 'startup', model: 'claude-opus-5-5' }),
    ).toEqual({});
    expect(await call({ ...base, hook_event_name: 'SessionEnd', reason: 'other' })).toEqual({});
    expect(auditRecords()).toMatchObject([
      {
        hookEvent: 'SessionStart',
        phase: 'session',
        effect: 'allow',
        meta: { source: 'startup', model: 'claude-opus-5-5' },
      },
      { hookEvent: 'SessionEnd', phase: 'session', effect: 'allow', meta: { reason: 'other' } },
    ]);
  });

  it('puts the per-request context and the agent id into every audit record', async () => {
    const { call } = setUp();
    await call(promptSample);
    await call(bash('rm -rf ~/'));
    await call(preToolUseSample);
    await call(postToolUseSample);
    await call(stopSample);
    const records = auditRecords();
    expect(records).toHaveLength(5);
    for (const record of records) {
      expect(record.context).toEqual(CONTEXT);
      expect(record.agent).toBe('agent-sdk');
      expect(record.session).toBe(preToolUseSample.session_id);
    }
  });

  it('keeps the context as it was when the hooks were built', async () => {
    const context = { userId: 'first', labels: { team: 'a' } };
    const hooks = wardenHooks({ home, context });
    context.userId = 'second';
    context.labels.team = 'b';
    const callback = hooks.UserPromptSubmit![0]!.hooks[0]! as HookCallback;
    await callback(promptSample as HookInput, undefined, { signal: new AbortController().signal });
    expect(auditRecords()[0]!.context).toEqual({ userId: 'first', labels: { team: 'a' } });
  });

  it('calls onDecision with every decision, and reports a throwing onDecision as a warning', async () => {
    const decisions: string[] = [];
    const warnings: string[] = [];
    const { call } = setUp({
      onDecision: ({ event, decision }) => {
        decisions.push(`${event.hookEvent}:${decision.effect}:${event.context?.userId}`);
        if (decisions.length === 2) throw new Error('dashboard down');
      },
      onWarning: (message) => warnings.push(message),
    });
    await call(preToolUseSample);
    expect(await call(bash('rm -rf ~/'))).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny' },
    });
    expect(decisions).toEqual(['PreToolUse:allow:user-42', 'PreToolUse:deny:user-42']);
    expect(warnings).toEqual([expect.stringContaining('dashboard down')]);
  });

  it('still answers when onDecision and onWarning both throw', async () => {
    const { call } = setUp({
      onDecision: () => {
        throw new Error('dashboard down');
      },
      onWarning: () => {
        throw new Error('logger down');
      },
    });
    expect(await call(bash('rm -rf ~/'))).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny' },
    });
  });

  it('applies the failure policy to input it cannot read: closed denies, open allows', async () => {
    const broken = { ...preToolUseSample, tool_name: 42 };
    const closed = setUp();
    expect(await closed.call(broken)).toMatchObject({
      hookSpecificOutput: {
        permissionDecision: 'deny',
        permissionDecisionReason: expect.stringContaining('failure policy is "closed"'),
      },
    });
    const open = setUp({ failure: 'open' });
    expect(await open.call(broken)).toEqual({});
    expect(auditRecords().map((record) => [record.ruleId, record.failure?.policy])).toEqual([
      ['warden.failure', 'closed'],
      ['warden.failure', 'open'],
    ]);
  });

  it('records but never blocks in observe mode', async () => {
    const { call } = setUp({ mode: 'observe' });
    expect(await call(bash('rm -rf ~/'))).toEqual({});
    expect(await call({ ...promptSample, prompt: PRIVATE_KEY })).toEqual({});
    expect(auditRecords().map((record) => [record.effect, record.policyEffect])).toEqual([
      ['allow', 'deny'],
      ['allow', 'deny'],
    ]);
  });

  it('reads a policy file once, when the hooks are built', async () => {
    const file = path.join(home, 'policy.yaml');
    writeFileSync(
      file,
      'extends: recommended\nrules:\n  - id: no-touch\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [touch] }\n    reason: No touching.\n',
    );
    const { call } = setUp({ policy: file });
    rmSync(file);
    // The file is gone: the callbacks still decide with the policy compiled at start.
    expect(await call(preToolUseSample)).toMatchObject({
      hookSpecificOutput: {
        permissionDecision: 'deny',
        permissionDecisionReason: 'Warden (no-touch): No touching.',
      },
    });
  });

  it("judges `~` and the home directory by the agent's HOME when the app gives it one", async () => {
    // Beside Warden's home, not in it: Warden's own files are protected anyway.
    const agentHome = `${home}-agent-home`;
    const command = `rm -rf ${agentHome}/important`;
    // Under the temp directory and not the user's home, a recursive delete is scratch-space cleanup...
    expect(await setUp().call(bash(command))).toEqual({});
    // ...but it is the agent's home directory, and there it is denied.
    expect(await setUp({ userHome: agentHome }).call(bash(command))).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny' },
    });
  });

  it('does not write the audit log when it is switched off', async () => {
    const { call } = setUp({ audit: { enabled: false } });
    await call(bash('rm -rf ~/'));
    expect(auditRecords()).toEqual([]);
  });

  it('fails where the app builds its options on a bad policy, pack, context or limit', () => {
    expect(() => wardenHooks({ home, policy: 'lenient' })).toThrow(/unknown pack "lenient"/);
    expect(() => wardenHooks({ home, policy: path.join(home, 'missing.yaml') })).toThrow(
      /cannot read the policy file/,
    );
    expect(() =>
      wardenHooks({ home, policy: { rules: [{ id: 'x', effect: 'block' }] } as unknown as Policy }),
    ).toThrow(/rules\.0/);
    expect(() => wardenHooks({ home, context: { userId: 42 } as unknown as { userId: string } })).toThrow(
      /context\.userId/,
    );
    expect(() => wardenHooks({ home, maxResponseRetries: -1 })).toThrow(RangeError);
    expect(() => wardenHooks({ home, timeoutSeconds: 0 })).toThrow(RangeError);
  });

  it('emits a process warning by default when the audit log cannot be written', async () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      writeFileSync(path.join(home, 'not-a-dir'), '');
      const { call } = setUp({ audit: { dir: path.join(home, 'not-a-dir', 'audit') } });
      expect(await call(bash('rm -rf ~/'))).toMatchObject({
        hookSpecificOutput: { permissionDecision: 'deny' },
      });
      expect(emitted).toHaveBeenCalledWith(expect.stringContaining('could not write the audit log'), {
        code: 'WARDEN',
      });
    } finally {
      emitted.mockRestore();
    }
  });

  it('keeps one intact audit chain with command-hook records in between, across hooks built per request', async () => {
    const auditDir = path.join(home, 'audit');
    const hookRecord = (command: string) =>
      writeAuditRecord({
        auditDir,
        entry: toAuditEntry({
          event: {
            id: command,
            agent: 'claude-code',
            hookEvent: 'PreToolUse',
            phase: 'tool_call',
            session: 'cli',
            cwd: home,
            timestamp: new Date().toISOString(),
          },
          decision: {
            effect: 'allow',
            policyEffect: 'allow',
            ruleId: 'default',
            reason: 'ok',
            mode: 'enforce',
            isDefault: true,
            actions: [],
            findings: [],
            trace: [],
          },
        }),
      });
    await setUp().call(bash('npm test'), 'toolu_1');
    hookRecord('hook-1');
    // A server builds the hooks per request: they share the process's writer for this log.
    await setUp().call(bash('git status'), 'toolu_2');
    await setUp().call(bash('rm -rf /'), 'toolu_3');
    hookRecord('hook-2');
    await setUp().call(bash('ls'), 'toolu_4');
    const verification = verifyAuditLog({ auditDir });
    expect(verification.problems).toEqual([]);
    expect(verification.records).toBe(6);
    expect(auditRecords().map((record) => record.agent)).toEqual([
      'agent-sdk',
      'claude-code',
      'agent-sdk',
      'agent-sdk',
      'claude-code',
      'agent-sdk',
    ]);
  });
});

describe('wardenHooks in a long-lived process', () => {
  /** A project with a harmless file and a link to it, and a user home with an SSH key. */
  function linkedProject() {
    // Beside Warden's home, not in it (everything in Warden's home is protected).
    const userHome = mkdtempSync(path.join(os.tmpdir(), 'warden-agent-sdk-user-'));
    onTestFinished(() => rmSync(userHome, { recursive: true, force: true }));
    const project = path.join(userHome, 'project');
    mkdirSync(path.join(userHome, '.ssh'), { recursive: true });
    mkdirSync(path.join(project, 'docs'), { recursive: true });
    writeFileSync(path.join(userHome, '.ssh', 'id_ed25519'), 'not really a key\n');
    writeFileSync(path.join(project, 'notes.txt'), 'hello\n');
    symlinkSync(path.join(project, 'notes.txt'), path.join(project, 'link'));
    const { call } = setUp({ userHome });
    const read = (file: string) =>
      call({ ...preToolUseSample, cwd: project, tool_name: 'Read', tool_input: { file_path: file } });
    const swap = (file: string, to: string) => {
      // What `ln -sfn` does: a new link renamed over the old one.
      symlinkSync(to, `${file}.new`);
      renameSync(`${file}.new`, file);
    };
    const decision = (output: HookJSONOutput) =>
      (output as { hookSpecificOutput?: { permissionDecision?: string } }).hookSpecificOutput
        ?.permissionDecision ?? 'allow';
    return { userHome, project, call, read, swap, decision };
  }

  it('denies a link swapped to a secret by another process at once, though the old answer is remembered', async () => {
    const { userHome, project, read, swap, decision } = linkedProject();
    const link = path.join(project, 'link');
    expect(decision(await read(link))).toBe('allow');
    expect(decision(await read(link))).toBe('allow');
    swap(link, path.join(userHome, '.ssh', 'id_ed25519'));
    expect(decision(await read(link))).toBe('deny');
    swap(link, path.join(project, 'notes.txt'));
    expect(decision(await read(link))).toBe('allow');
  });

  it("denies a new file under a directory the agent's own command turned into a link to a secret place", async () => {
    const { userHome, project, call, swap, decision } = linkedProject();
    // A file about to be written exists nowhere yet, so nothing at its path tells that `docs` moved.
    const file = path.join(project, 'docs', 'new-notes.md');
    const write = () =>
      call({
        ...preToolUseSample,
        cwd: project,
        tool_name: 'Write',
        tool_input: { file_path: file, content: 'x' },
      });
    expect(decision(await write())).toBe('allow');
    // The command is decided, then (with a parallel write decided meanwhile) it runs, then its
    // result comes back: only after that can the next write see where `docs` leads now.
    const command = `rm -rf docs && ln -s ${path.join(userHome, '.ssh')} docs`;
    await call({ ...bash(command), cwd: project });
    expect(decision(await write())).toBe('allow');
    rmSync(path.join(project, 'docs'), { recursive: true });
    swap(path.join(project, 'docs'), path.join(userHome, '.ssh'));
    await call({
      ...postToolUseSample,
      cwd: project,
      tool_input: { command, description: 'run' },
      tool_response: { stdout: '', stderr: '', interrupted: false, isImage: false },
    });
    expect(decision(await write())).toBe('deny');
  });
});
