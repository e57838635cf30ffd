import { addTargets, defineProgram, readOptions } from '../program-module.js';

/** Programs that format, partition or wipe a disk: their operands (devices, images) are written. */
export const diskTools = defineProgram({
  name: 'files/disk-tools',
  programs: [
    'mkfs',
    'mkfs.ext4',
    'mkfs.xfs',
    'mkfs.vfat',
    'mke2fs',
    'mkswap',
    'mkdosfs',
    'mkntfs',
    'newfs',
    'wipefs',
    'fdisk',
    'sfdisk',
    'gdisk',
    'sgdisk',
    'cfdisk',
    'parted',
    'blkdiscard',
    'badblocks',
    'cryptsetup',
    'diskutil',
  ],
  /** Every `mkfs.<type>` and `newfs_<type>`, whatever the file system. */
  matches:
    /^(mkfs(\..+)?|mke2fs|mkswap|mkdosfs|mkntfs|newfs(_.+)?|wipefs|fdisk|sfdisk|gdisk|sgdisk|cfdisk|parted|blkdiscard|badblocks|cryptsetup|diskutil)$/,
  findings: [],
  ownsArguments: true,
  describe(call) {
    // parted's -s is --script (no value), and its commands follow the device (`parted -s /dev/sdb
    // mklabel gpt`): the device is what is written.
    if (call.program === 'parted') {
      const { operands } = readOptions(call, { valued: 'a', longValued: ['align'] });
      addTargets(call, operands.slice(0, 1), 'write');
      return;
    }
    addTargets(
      call,
      readOptions(call, { valued: 'tLbcCEFgGiIjJlmMNoOrsSTU', longValued: ['type', 'label'] }).operands,
      'write',
    );
  },
});
