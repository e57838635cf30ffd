import {
  addTargets,
  addTreeReads,
  addTreeWrite,
  defineProgram,
  type ProgramCall,
  readOptions,
} from '../program-module.js';

function isRemote(path: string): boolean {
  return /^[^/]*:/.test(path) && !path.startsWith('./');
}

function describeRsync(call: ProgramCall, program: 'rsync' | 'scp'): void {
  const { scanned, operands } = readOptions(call, {
    valued: program === 'scp' ? 'cFiJloPSX' : 'eBfTM',
    longValued: [
      'rsh',
      'rsync-path',
      'exclude',
      'include',
      'filter',
      'exclude-from',
      'include-from',
      'files-from',
      'password-file',
      'log-file',
      'temp-dir',
      'chmod',
      'chown',
      'backup-dir',
      'compare-dest',
      'copy-dest',
      'link-dest',
      'suffix',
      'timeout',
      'port',
      'bwlimit',
      'partial-dir',
      'max-size',
      'min-size',
      'usermap',
      'groupmap',
      'out-format',
      'info',
      'debug',
      'checksum-choice',
      'compress-choice',
      'iconv',
      'sockopts',
      'outbuf',
      'stop-after',
      'stop-at',
      'write-batch',
      'read-batch',
      'protocol',
      'modify-window',
    ],
  });
  if (operands.length < 2) return;
  const sources = operands.slice(0, -1).filter((index) => !isRemote(call.args[index]!));
  const destination = operands[operands.length - 1]!;
  // `scp -r ~ host:`, `rsync -a ~/ host:`: a directory sent with everything beneath it.
  const recursiveCopy = scanned.flags.some(
    (flag) => flag === 'r' || flag === 'a' || flag === 'recursive' || flag === 'archive',
  );
  if (recursiveCopy) addTreeReads(call, sources);
  else addTargets(call, sources, 'read');
  if (!isRemote(call.args[destination]!)) {
    // `rsync -a backup/ ~/`: a directory's contents (a trailing slash, a glob) merged into the
    // destination; a single file or a directory copied by name writes that name only.
    const contents = sources.some((index) => /\/$|\/\.$|\*/.test(call.args[index]!));
    if (program === 'rsync' && recursiveCopy && contents) addTreeWrite(call, call.args[destination]);
    else addTargets(call, [destination], 'write');
    if (scanned.flags.some((flag) => flag.startsWith('delete') || flag === 'remove-source-files'))
      addTargets(call, [destination], 'delete');
  }
  if (scanned.flags.includes('remove-source-files')) addTargets(call, sources, 'delete');
}

/** rsync and scp: local sources are read, a local destination written (and deleted with --delete). */
export const rsync = defineProgram({
  name: 'files/rsync',
  programs: ['rsync', 'scp'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    describeRsync(call, call.program === 'scp' ? 'scp' : 'rsync');
  },
});
