import { describe, expect, it } from 'vitest';
import { destructiveMcpFinding, mcpActions } from './mcp-actions.js';

const cwd = '/home/u/proj';
const home = '/home/u';
const actions = (name: string, input: unknown) =>
  mcpActions({ tool: `mcp__s__${name}`, server: 's', name, input, cwd, home });

describe('mcpActions', () => {
  it('keeps the call and adds what its arguments do on this machine', () => {
    expect(actions('write_file', { path: '~/.bashrc', content: 'x' })).toEqual([
      { kind: 'mcp.call', tool: 'mcp__s__write_file', resources: { mcpServer: 's', mcpTool: 'write_file' } },
      {
        kind: 'file.write',
        tool: 'mcp__s__write_file',
        resources: { paths: ['/home/u/.bashrc'], text: 'x' },
      },
    ]);
    expect(actions('read_multiple_files', { paths: ['/home/u/.ssh/id_rsa', 'src/a.ts'] })[1]).toEqual({
      kind: 'file.read',
      tool: 'mcp__s__read_multiple_files',
      resources: { paths: ['/home/u/.ssh/id_rsa', '/home/u/proj/src/a.ts'] },
    });
    expect(actions('delete_file', { file_path: 'file:///etc/hosts' })[1]?.kind).toBe('file.delete');
    expect(actions('move_file', { source: './a', destination: '../b' })[1]?.resources.paths).toEqual([
      '/home/u/proj/a',
      '/home/u/b',
    ]);
    expect(actions('browser_navigate', { url: 'http://169.254.169.254/latest/' })[1]).toMatchObject({
      kind: 'net.fetch',
      resources: { host: '169.254.169.254' },
    });
    expect(actions('execute_command', { command: 'rm -rf ~' })[1]).toEqual({
      kind: 'shell.exec',
      tool: 'mcp__s__execute_command',
      resources: { command: 'rm -rf ~' },
    });
  });

  it('leaves arguments that are not files, URLs or commands alone', () => {
    for (const [name, input] of [
      ['create_issue', { title: 'Fix the build', body: 'see /tmp/log for details', labels: ['bug'] }],
      ['search', { query: 'a/b c', from: 'ana@example.com', to: 'main' }],
      ['send_message', { command: 'rm -rf ~' }],
      ['fetch', { url: 'ftp://x' }],
    ] as const)
      expect(actions(name, input), name).toHaveLength(1);
  });
});

describe('destructiveMcpFinding', () => {
  it('names tools that destroy what they name, in every naming style', () => {
    for (const tool of [
      'delete_repository',
      'dropTable',
      'terminate-instance',
      'purge_queue',
      'force_push',
      'remove',
    ])
      expect(destructiveMcpFinding(tool)?.id, tool).toBe('mcp.destructive_tool');
    for (const tool of [
      'create_issue',
      'list_deleted_items',
      'undelete',
      'dropdown_options',
      'read_file',
      'get_removal_policy',
    ])
      expect(destructiveMcpFinding(tool), tool).toBeUndefined();
  });
});
