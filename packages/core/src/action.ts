import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema.js';

/** Stable action names that policies are written against. */
export const ACTION_KINDS = [
  'shell.exec',
  'file.read',
  'file.write',
  'file.delete',
  'net.fetch',
  'net.search',
  'agent.spawn',
  'mcp.call',
  /** Tools that only change the agent's own state: task lists, plan mode, questions to the user. */
  'agent.internal',
  'tool.other',
  // Non-tool phases, so rules can target them by action too.
  'prompt.submit',
  'response.final',
  'session.event',
] as const;

export const actionKindSchema = lazySchema(() => z.enum(ACTION_KINDS));
export type ActionKind = z.infer<typeof actionKindSchema>;

export interface ActionResources {
  /** shell.exec: the command string as the agent gave it. */
  command?: string;
  /** file.*: absolute, normalised paths. A Glob/Grep pattern is recorded as `pattern`. */
  paths?: string[];
  pattern?: string;
  /** net.fetch */
  url?: string;
  host?: string;
  /** net.search */
  query?: string;
  /** mcp.call */
  mcpServer?: string;
  mcpTool?: string;
  /** agent.spawn: the subagent type and its instructions. */
  agentType?: string;
  /** Text the detectors scan: prompts, answers, file contents being written, tool output. */
  text?: string;
}

/** What a tool call (or prompt, or answer) does, in Warden's vocabulary. */
export interface Action {
  kind: ActionKind;
  /** The native tool name, when the action comes from a tool. */
  tool?: string;
  resources: ActionResources;
}
