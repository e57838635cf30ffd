import { scanOptions } from '../../parse-options.js';
import { addPath, addTreeWrite, defineProgram, type ProgramCall } from '../program-module.js';

function describeTar(call: ProgramCall): void {
  const args = [...call.args];
  // Old-style bundled letters: `tar czf out.tgz dir`.
  if (args[0] && !args[0].startsWith('-') && /^[A-Za-z]+$/.test(args[0])) args[0] = `-${args[0]}`;
  const scanned = scanOptions({
    args,
    spec: {
      valued: 'fCTXbIHKLNgVF',
      longValued: [
        'file',
        'directory',
        'files-from',
        'exclude-from',
        'exclude',
        'blocking-factor',
        'use-compress-program',
        'format',
        'newer',
        'after-date',
        'label',
        'listed-incremental',
        'owner',
        'group',
        'mode',
        'transform',
        'xform',
      ],
      permute: true,
    },
  });
  call.description.flags = scanned.flags;
  const archive = scanned.values.get('f') ?? scanned.values.get('file');
  const creating = scanned.flags.some(
    (flag) =>
      flag === 'c' ||
      flag === 'create' ||
      flag === 'r' ||
      flag === 'append' ||
      flag === 'u' ||
      flag === 'update',
  );
  const extracting = scanned.flags.some((flag) => flag === 'x' || flag === 'extract' || flag === 'get');
  const directory = scanned.values.get('C') ?? scanned.values.get('directory');
  if (creating) {
    addPath(call, archive, 'write');
    // Members are read with everything beneath them (`tar czf x.tgz ~` reads ~/.ssh).
    for (const operand of scanned.operands) {
      const member = directory && !operand.startsWith('/') ? `${directory}/${operand}` : operand;
      if (member !== '' && member !== '-' && !member.includes('://'))
        call.description.targets.push({ path: member, access: 'read', tree: true });
    }
  } else if (extracting) {
    addPath(call, archive, 'read');
    addTreeWrite(call, directory ?? '.');
  } else addPath(call, archive, 'read');
}

/** Archives: created ones are written and their members read; extracted ones write their directory. */
export const tar = defineProgram({
  name: 'files/tar',
  programs: ['tar', 'gtar', 'bsdtar'],
  findings: [],
  ownsArguments: true,
  describe: describeTar,
});
