import { addTargets, defineProgram, readOptions } from '../program-module.js';

/**
 * perl: without -e the first operand is the script (run); the rest are read, or written with -i.
 * The inline code itself is read by inspect-inline-code.
 */
export const perl = defineProgram({
  name: 'interpreters/perl',
  programs: ['perl'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    // -0 and -l take only attached digits, so `-0pi` is -0 -p -i (not -0 with the value `pi`).
    const { scanned, operands } = readOptions(call, { valued: 'eEIMmx', optionalAttached: 'i' });
    const hasCode = scanned.values.has('e') || scanned.values.has('E');
    if (!hasCode) addTargets(call, operands.slice(0, 1), 'execute');
    addTargets(call, hasCode ? operands : operands.slice(1), scanned.flags.includes('i') ? 'write' : 'read');
  },
});
