import { addPath, defineProgram, type ProgramCall, raise, words } from '../program-module.js';

export const HOST_DISRUPT = {
  id: 'shell.host_disrupt',
  summary:
    "The machine's mounts, swap, kernel settings, network interfaces or storage pools are changed (umount /, mount -o remount, swapoff -a, sysctl -w, ip link set down, zpool/zfs destroy).",
};

/** Mount points the machine needs to keep running. */
const SYSTEM_MOUNT = /^\/(boot(\/efi)?|usr|var|etc|home|opt|srv|nix|System|private)?\/?$/;

function mounts(call: ProgramCall): boolean {
  const { args } = call;
  const operands = words(args).filter((word) => !/^(rw|ro|remount|defaults|bind)(,|$)/.test(word));
  const options = args.flatMap((arg, index) =>
    arg === '-o' ? [args[index + 1] ?? ''] : arg.startsWith('-o') ? [arg.slice(2)] : [],
  );
  if (call.program === 'umount')
    return (
      args.some((arg) => /^-[a-zA-Z]*a/.test(arg) || arg === '--all') ||
      operands.some((word) => SYSTEM_MOUNT.test(word))
    );
  // `mount -o remount,rw /`, `mount --bind /tmp/x /etc`, a device mounted over a system place.
  return (
    (options.some((option) => /(^|,)remount(,|$)/.test(option)) &&
      operands.some((word) => SYSTEM_MOUNT.test(word))) ||
    (operands.length >= 2 && SYSTEM_MOUNT.test(operands[operands.length - 1]!)) ||
    (operands.length >= 2 && /^\/(etc|usr|bin|sbin|lib)(\/|$)/.test(operands[operands.length - 1]!))
  );
}

function disrupts(call: ProgramCall): boolean {
  const { program, args } = call;
  const [first, second, third] = words(args);
  switch (program) {
    case 'mount':
    case 'umount':
      return mounts(call);
    case 'swapoff':
      return args.some((arg) => /^-[a-zA-Z]*a/.test(arg) || arg === '--all');
    case 'sysctl':
      // Reading (`sysctl net.ipv4.ip_forward`, `-a`) is not writing (`-w`, `key=value`, `-p`).
      return (
        args.some(
          (arg) => /^-[a-zA-Z]*[wp]/.test(arg) || arg === '--write' || arg === '--load' || arg === '--system',
        ) || words(args).some((word) => /^[a-z][\w.-]*=/.test(word))
      );
    case 'ip':
      return (
        (/^(link|l)$/.test(first ?? '') && second === 'set' && args.includes('down')) ||
        (/^(link|l)$/.test(first ?? '') && /^(del|delete)$/.test(second ?? '')) ||
        (/^(route|r|ro)$/.test(first ?? '') && /^(del|delete|flush|replace|change)$/.test(second ?? '')) ||
        (/^(addr|address|a)$/.test(first ?? '') && /^(flush|del|delete)$/.test(second ?? ''))
      );
    case 'ifconfig':
      return args.includes('down');
    case 'route':
      return /^(del|delete|flush)$/.test(first ?? '');
    case 'zfs':
      return first === 'destroy' || (first === 'rollback' && args.some((arg) => /^-[a-zA-Z]*r/.test(arg)));
    case 'zpool':
      return first === 'destroy' || first === 'labelclear' || (first === 'offline' && third !== undefined);
    default:
      return false;
  }
}

/**
 * Mounts, swap, kernel parameters, network interfaces and routes, and ZFS pools: changing them
 * can take the machine (or its network) down, and a remount makes a read-only system writable.
 * Looking (`mount`, `ip addr`, `sysctl -a`, `zfs list`) is everyday work.
 */
export const hostConfig = defineProgram({
  name: 'system/host-config',
  programs: ['mount', 'umount', 'swapoff', 'sysctl', 'ip', 'ifconfig', 'route', 'zfs', 'zpool'],
  findings: [HOST_DISRUPT],
  ownsArguments: true,
  describe(call) {
    call.description.flags = [];
    // Devices handed to a pool are written (`zpool create tank /dev/sdb`).
    if (call.program === 'zpool' || call.program === 'zfs')
      for (const word of words(call.args)) if (word.startsWith('/dev/')) addPath(call, word, 'write');
    if (disrupts(call))
      raise(
        call,
        HOST_DISRUPT.id,
        "This changes the machine's mounts, swap, kernel settings, network or storage pools.",
      );
  },
});
