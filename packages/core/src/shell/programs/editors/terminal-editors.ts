import { addTargets, defineProgram, readOptions } from '../program-module.js';

/**
 * Terminal editors open their operands for writing (`vim ~/.bashrc`); graphical ones are in
 * openers.ts.
 */
export const terminalEditors = defineProgram({
  name: 'editors/terminal-editors',
  programs: [
    'vim',
    'vi',
    'nvim',
    'nano',
    'pico',
    'emacs',
    'emacsclient',
    'micro',
    'ed',
    'ex',
    'joe',
    'jed',
    'helix',
    'hx',
    'kak',
  ],
  findings: [],
  ownsArguments: true,
  describe(call) {
    addTargets(call, readOptions(call, { valued: 'cSuUiwWTtqo' }).operands, 'write');
  },
});
