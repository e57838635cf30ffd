import { defineProgram, raise, readWords } from '../program-module.js';

export const ACCOUNT_CHANGE = {
  id: 'shell.account_change',
  summary: 'User accounts, groups, passwords or login shells of the machine are created, changed or deleted.',
};
export const PRIVILEGE_GRANT = {
  id: 'shell.privilege_grant',
  summary:
    'A user is given administrator rights (sudo, wheel, admin, root or docker group, the sudoers file).',
};

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['chsh', 'passwd']);

/** Creating, deleting and changing accounts and passwords. */
export const accountTools = defineProgram({
  name: 'accounts/account-tools',
  programs: [
    'useradd',
    'userdel',
    'groupadd',
    'groupdel',
    'groupmod',
    'passwd',
    'chpasswd',
    'chsh',
    'chfn',
    'vipw',
    'vigr',
    'newusers',
    'chage',
    'sysadminctl',
    'dscl',
    'pw',
  ],
  findings: [ACCOUNT_CHANGE],
  ownsArguments: true,
  describe(call) {
    if (WORD_PROGRAMS.has(call.program)) readWords(call);
    // Read-only uses: password status, ageing information, directory lookups.
    const readOnly =
      (call.program === 'passwd' && call.args.some((arg) => arg === '-S' || arg === '--status')) ||
      (call.program === 'chage' && call.args.some((arg) => arg === '-l' || arg === '--list')) ||
      (call.program === 'dscl' &&
        !call.args.some((arg) => /^-(create|delete|append|merge|passwd|change)$/.test(arg))) ||
      (call.program === 'sysadminctl' &&
        !call.args.some((arg) =>
          /^-(addUser|deleteUser|resetPasswordFor|secureTokenOn|adminUser)$/.test(arg),
        ));
    if (!readOnly) raise(call, ACCOUNT_CHANGE.id, `${call.program} changes the accounts of this machine.`);
  },
});
