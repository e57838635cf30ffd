import { REMOTE_EXEC } from '../cloud/remote-exec.js';
import { defineProgram, optionValue, raise, words } from '../program-module.js';

/** Ad hoc commands across a fleet: `ansible all -m shell -a 'rm -rf /tmp/x'`, salt's cmd.run. */
export const ansible = defineProgram({
  name: 'config-management/ansible',
  programs: ['ansible', 'salt', 'salt-ssh', 'pssh', 'parallel-ssh', 'pdsh', 'clush', 'mussh', 'knife'],
  findings: [REMOTE_EXEC],
  ownsArguments: true,
  describe(call) {
    const module = optionValue(call.args, ['-m', '--module-name']) ?? 'command';
    const operands = words(call.args);
    const runs =
      (call.program === 'ansible' &&
        optionValue(call.args, ['-a', '--args']) !== undefined &&
        /^(ansible\.builtin\.)?(shell|command|raw|script|expect)$/.test(module)) ||
      ((call.program === 'salt' || call.program === 'salt-ssh') &&
        operands.some((word) => /^cmd\.(run|script|exec_code)|^cmd\.run_all$/.test(word))) ||
      call.program === 'pssh' ||
      call.program === 'parallel-ssh' ||
      call.program === 'pdsh' ||
      call.program === 'clush' ||
      call.program === 'mussh' ||
      (call.program === 'knife' && operands[0] === 'ssh');
    if (runs) raise(call, REMOTE_EXEC.id, 'This runs a command on many machines at once.');
  },
});
