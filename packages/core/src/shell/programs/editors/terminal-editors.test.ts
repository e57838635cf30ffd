import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { terminalEditors } from './terminal-editors.js';

describe('editors/terminal-editors', () => {
  const cases: ProgramCase[] = [];
  for (const program of terminalEditors.programs) {
    cases.push({
      command: `${program} src/app.ts`,
      effect: 'allow',
      targets: ['write:/home/u/project/src/app.ts'],
    });
    cases.push({ command: `${program} ~/.bashrc`, effect: 'deny', targets: ['write:/home/u/.bashrc'] });
  }
  itDecides([...cases, { command: 'vim ~/.warden/config.yaml', effect: 'deny' }]);
});
