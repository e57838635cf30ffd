import { defineProgram, optionValues, raise } from '../program-module.js';
import { DEFERRED_EXEC } from './deferred-exec.js';

/** Debuggers told to run shell or script commands (`gdb -batch -ex 'shell rm -rf ~'`). */
export const debuggers = defineProgram({
  name: 'launchers/debuggers',
  programs: ['gdb', 'lldb', 'rr', 'cgdb'],
  findings: [DEFERRED_EXEC],
  describe(call) {
    const commands = optionValues(call.args, [
      '-ex',
      '--ex',
      '-eval-command',
      '--eval-command',
      '-o',
      '--one-line',
      '-O',
    ]);
    if (
      commands.some((command) =>
        /^\s*(shell|!|python|pi|script|platform\s+shell|call\s+.*system)\b|^\s*!/.test(command),
      )
    )
      raise(call, DEFERRED_EXEC.id, 'The debugger is told to run shell or script commands.');
  },
});
