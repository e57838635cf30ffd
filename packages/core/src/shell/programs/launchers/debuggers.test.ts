import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
