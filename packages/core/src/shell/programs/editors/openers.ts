import { addTarget, defineProgram, readWords, scanCall } from '../program-module.js';

const EDITORS = new Set([
  'code',
  'code-insiders',
  'codium',
  'cursor',
  'windsurf',
  'subl',
  'zed',
  'mate',
  'atom',
  'gedit',
  'kate',
]);

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['code', 'open', 'xdg-open']);

/**
 * Graphical editors open their operands for editing (`code ~/.warden/config.yaml` is a write the
 * user may not watch); `open` and `xdg-open` hand a file to whatever program is registered for it,
 * which reads it. `code --diff a b` and `--install-extension x` name no file to edit.
 */
export const openers = defineProgram({
  name: 'editors/openers',
  programs: [...EDITORS, 'open', 'xdg-open', 'gio', 'gnome-open', 'kde-open', 'wslview'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    if (WORD_PROGRAMS.has(call.program)) readWords(call);
    const scanned = scanCall(call, {
      valued: 'agbe',
      longValued: [
        'install-extension',
        'uninstall-extension',
        'user-data-dir',
        'extensions-dir',
        'profile',
        'locale',
        'log',
        'sync',
        'category',
      ],
    });
    const operands = call.program === 'gio' ? scanned.operands.slice(1) : scanned.operands;
    if (call.program === 'gio' && scanned.operands[0] !== 'open') return;
    const diff = call.args.includes('--diff') || call.args.includes('-d');
    const access = EDITORS.has(call.program) && !diff ? 'write' : 'read';
    for (const operand of operands) {
      if (/^[a-z][\w+.-]*:\/\//i.test(operand)) continue;
      // `code file:12:3` opens at a line.
      addTarget(call, EDITORS.has(call.program) ? operand.replace(/(:\d+){1,2}$/, '') : operand, access);
    }
  },
});
