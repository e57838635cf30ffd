import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { listers } from './listers.js';

describe('files/listers', () => {
  const cases: ProgramCase[] = [];
  for (const program of listers.programs)
    cases.push({ command: `${program} src`, effect: 'allow', targets: ['list:/home/u/project/src'] });
  itDecides([
    ...cases,
    { command: 'ls -la ~/.ssh', effect: 'allow', targets: ['list:/home/u/.ssh'] },
    { command: 'du -sh node_modules', effect: 'allow' },
    { command: 'stat -c %s ~/.warden/config.yaml', effect: 'allow' },
  ]);
});
