import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { diskTools } from './disk-tools.js';

describe('files/disk-tools', () => {
  const cases: ProgramCase[] = diskTools.programs.map((program) => ({
    command: `${program} /dev/sdb`,
    effect: 'deny',
    targets: ['write:/dev/sdb'],
  }));
  itDecides([
    ...cases,
    // Names the module claims by their shape.
    { command: 'mkfs.btrfs -L data /dev/nvme1n1', effect: 'deny', programs: ['mkfs.btrfs'] },
    { command: 'newfs_apfs /dev/disk4', effect: 'deny', programs: ['newfs_apfs'] },
    { command: 'mkfs.ext4 disk.img', effect: 'allow', targets: ['write:/home/u/project/disk.img'] },
    { command: 'parted -s /dev/sdb mklabel gpt', effect: 'deny', targets: ['write:/dev/sdb'] },
    { command: 'parted -s ./disk.img mklabel gpt', effect: 'allow' },
  ]);
});
