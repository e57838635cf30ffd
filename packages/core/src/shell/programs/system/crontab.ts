import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';

export const CRONTAB_REMOVE = {
  id: 'shell.crontab_remove',
  summary: 'crontab -r deletes every scheduled job of the user.',
};
export const CRONTAB_REPLACE = {
  id: 'shell.crontab_replace',
  summary: 'The crontab is replaced from a file or stdin: the new jobs run unattended, later.',
};

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['crontab']);

/** crontab: removing every job, or installing a new table (listing and editing are everyday). */
export const crontab = defineProgram({
  name: 'system/crontab',
  programs: ['crontab'],
  findings: [CRONTAB_REMOVE, CRONTAB_REPLACE],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.args.some((arg) => /^-[a-z]*r/.test(arg)))
      raise(call, CRONTAB_REMOVE.id, 'crontab -r deletes every scheduled job of the user.');
    else if (words(call.args).length > 0 || call.args.includes('-'))
      raise(call, CRONTAB_REPLACE.id, 'This replaces the crontab: the new jobs run unattended.');
  },
});
