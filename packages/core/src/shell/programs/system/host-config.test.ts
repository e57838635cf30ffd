import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

const DISRUPT = ['shell.host_disrupt'];

describe('system/host-config', () => {
  itDecides([
    { command: 'mount', effect: 'allow' },
    { command: 'mount -o remount,rw /', effect: 'ask', findings: DISRUPT },
    { command: 'mount --bind /tmp/fake /etc', effect: 'ask', findings: DISRUPT },
    { command: 'mount -t tmpfs tmpfs ./scratch', effect: 'allow' },
    { command: 'umount -l /', effect: 'ask', findings: DISRUPT },
    { command: 'umount -a', effect: 'ask', findings: DISRUPT },
    { command: 'umount /mnt/usb', effect: 'allow' },
    { command: 'swapoff -a', effect: 'ask', findings: DISRUPT },
    { command: 'swapoff /swapfile', effect: 'allow' },
    { command: 'sysctl -w net.ipv4.ip_forward=1', effect: 'ask', findings: DISRUPT },
    { command: 'sysctl kernel.randomize_va_space=0', effect: 'ask', findings: DISRUPT },
    { command: 'sysctl net.ipv4.ip_forward', effect: 'allow' },
    { command: 'sysctl -a', effect: 'allow' },
    { command: 'ip link set eth0 down', effect: 'ask', findings: DISRUPT },
    { command: 'ip route del default', effect: 'ask', findings: DISRUPT },
    { command: 'ip addr flush dev eth0', effect: 'ask', findings: DISRUPT },
    { command: 'ip addr show', effect: 'allow' },
    { command: 'ifconfig en0 down', effect: 'ask', findings: DISRUPT },
    { command: 'ifconfig -a', effect: 'allow' },
    { command: 'route delete default', effect: 'ask', findings: DISRUPT },
    { command: 'route -n', effect: 'allow' },
    { command: 'zfs destroy -r tank/data', effect: 'ask', findings: DISRUPT },
    { command: 'zfs rollback -r tank/data@yesterday', effect: 'ask', findings: DISRUPT },
    { command: 'zfs list', effect: 'allow' },
    { command: 'zpool destroy tank', effect: 'ask', findings: DISRUPT },
    { command: 'zpool status', effect: 'allow' },
    {
      command: 'zpool create tank /dev/sdb',
      effect: 'deny',
      rule: 'shell.write-device',
      targets: ['write:/dev/sdb'],
    },
  ]);
});
