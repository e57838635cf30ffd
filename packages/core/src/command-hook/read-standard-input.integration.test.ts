import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dist = new URL('../../dist/index.js', import.meta.url).href;
const scratch = mkdtempSync(path.join(tmpdir(), 'warden-stdin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs readStandardInput in a child whose stdin is what `stdio[0]` gives, and reports what it read. */
function readIn(stdin: { input: Buffer } | { file: string }, maxBytes?: number) {
  const script = `
    const { readStandardInput } = await import(${JSON.stringify(dist)});
    readStandardInput(${maxBytes ? `{ maxBytes: ${maxBytes} }` : ''}).then(
      (text) => console.log(JSON.stringify({ length: text.length, head: text.slice(0, 12) })),
      (error) => console.log(JSON.stringify({ error: error.message })),
    );
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    ...('input' in stdin ? { input: stdin.input } : { stdio: [openFile(stdin.file), 'pipe', 'pipe'] }),
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

const openFile = (file: string) => openSync(file, 'r');

describe('readStandardInput', () => {
  it('reads a socket pair (how Node agents hand hooks their input) to its end', () => {
    const input = Buffer.from(`{"a":"${'x'.repeat(300_000)}"}`);
    expect(readIn({ input })).toEqual({ length: input.length, head: '{"a":"xxxxxx' });
  });

  it('reads a file or pipe the same way, and refuses input over the limit', () => {
    const file = path.join(scratch, 'input.json');
    writeFileSync(file, '{"hook_event_name":"Stop"}');
    expect(readIn({ file })).toMatchObject({ length: 26, head: '{"hook_event' });
    expect(readIn({ input: Buffer.alloc(5000, 97) }, 1000)).toEqual({
      error: 'hook input is larger than 1000 bytes',
    });
  });
});
