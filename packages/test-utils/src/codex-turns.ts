import type { ScriptedResponsesTurn } from './scripted-responses-server.ts';

/**
 * Scripted model turns that call Codex's own tools (Codex 0.169's names and shapes), for
 * `startScriptedResponsesServer({ script })`.
 */
export const codexTurns = {
  /** `exec_command`: Codex runs one shell command. */
  execCommand: (cmd: string): ScriptedResponsesTurn => ({
    functionCall: { name: 'exec_command', arguments: { cmd } },
  }),
  /** `apply_patch`: Codex applies a patch; `body` is what stands between Begin Patch and End Patch. */
  applyPatch: (body: string): ScriptedResponsesTurn => ({
    customToolCall: { name: 'apply_patch', input: `*** Begin Patch\n${body}\n*** End Patch\n` },
  }),
};
