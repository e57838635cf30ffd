import type { Policy } from '../policy/policy-schema.js';

/** `recommended`, tightened for unattended agents: unknown tools are denied, anything outside the project asks. */
export const strictPack: Policy = {
  version: 1,
  extends: 'recommended',
  rules: [
    {
      id: 'tools.unknown',
      effect: 'deny',
      actions: ['tool.other'],
      reason: 'Unknown tools are not allowed by the strict policy. Use the built-in tools.',
    },
    {
      id: 'strict.files-outside-project',
      effect: 'ask',
      actions: ['file.write', 'file.delete'],
      when: { targets: ['outside_project & !tmp'] },
      reason: 'The strict policy asks before writing outside the project. Work inside the project directory.',
    },
    {
      id: 'strict.delete-project-root',
      effect: 'ask',
      actions: ['shell.exec'],
      when: { flags: ['r|R|recursive|delete'], access: ['delete'], targets: ['project_root'] },
      reason:
        'The strict policy asks before deleting the whole project directory (or everything in it). Delete the specific build outputs instead (dist, node_modules, ...).',
    },
    {
      id: 'strict.network',
      effect: 'ask',
      actions: ['net.fetch', 'mcp.call'],
      reason: 'The strict policy asks before network and MCP calls.',
    },
  ],
};
