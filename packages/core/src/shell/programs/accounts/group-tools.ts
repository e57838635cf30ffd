import { defineProgram, raise, scanCall } from '../program-module.js';
import { ACCOUNT_CHANGE, PRIVILEGE_GRANT } from './account-tools.js';

const ADMIN_GROUPS = /^(sudo|wheel|admin|root|adm|docker|lxd|libvirt|disk|shadow|sudoers|staff)$/;

/** Group membership (usermod -aG, gpasswd -a, adduser USER GROUP) and the sudoers editor. */
export const groupTools = defineProgram({
  name: 'accounts/group-tools',
  programs: ['usermod', 'gpasswd', 'adduser', 'addgroup', 'deluser', 'delgroup', 'visudo', 'dseditgroup'],
  findings: [ACCOUNT_CHANGE, PRIVILEGE_GRANT],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'visudo') {
      if (!call.args.some((arg) => arg === '-c' || arg === '--check'))
        raise(call, PRIVILEGE_GRANT.id, 'visudo edits who may run commands as root.');
      return;
    }
    const scanned = scanCall(
      call,
      call.program === 'gpasswd'
        ? { valued: 'adAMr', longValued: ['add', 'delete', 'administrators', 'members'] }
        : {
            valued: 'GgdsucelpLRo',
            longValued: ['groups', 'gid', 'home', 'shell', 'uid', 'comment', 'ingroup'],
          },
    );
    const groups = [
      ...(scanned.values.get('G') ?? scanned.values.get('groups') ?? '').split(','),
      scanned.values.get('a') ?? '',
      scanned.values.get('A') ?? '',
      scanned.values.get('g') ?? '',
      scanned.values.get('add') ?? '',
      scanned.values.get('ingroup') ?? '',
      scanned.values.get('M') ?? '',
      ...(call.program === 'adduser' || call.program === 'gpasswd' || call.program === 'dseditgroup'
        ? scanned.operands
        : []),
    ];
    if (
      call.program !== 'deluser' &&
      call.program !== 'delgroup' &&
      groups.some((group) => ADMIN_GROUPS.test(group))
    )
      raise(call, PRIVILEGE_GRANT.id, 'This adds a user to an administrator group.');
    else if (call.program !== 'dseditgroup' || call.args.includes('-o'))
      raise(call, ACCOUNT_CHANGE.id, `${call.program} changes the accounts or groups of this machine.`);
  },
});
