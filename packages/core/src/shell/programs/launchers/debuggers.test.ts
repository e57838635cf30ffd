import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('launchers/debuggers', () => {
  it("raises shell.deferred_exec for gdb -batch -ex 'shell rm -rf ~'", () => {
    const result = describeLine("gdb -batch -ex 'shell rm -rf ~'");
    expect(result.findings).toEqual(['shell.deferred_exec']);
  });
  it("raises shell.deferred_exec for lldb -o 'platform shell id'", () => {
    const result = describeLine("lldb -o 'platform shell id'");
    expect(result.findings).toEqual(['shell.deferred_exec']);
  });
  it('raises nothing for gdb -ex run ./app', () => {
    const result = describeLine('gdb -ex run ./app');
    expect(result.findings).toEqual([]);
  });
});

describe('launchers/debuggers through the engine', () => {
  itDecides([
    { command: 'gdb -batch -ex run ./app', effect: 'allow' },
    {
      command: "lldb -o 'platform shell rm -rf ~' ./app",
      effect: 'deny',
      findings: ['shell.deferred_exec'],
      programs: ['lldb', 'rm'],
    },
    { command: 'rr replay', effect: 'allow' },
    { command: 'cgdb ./app', effect: 'allow' },
  ]);
});
