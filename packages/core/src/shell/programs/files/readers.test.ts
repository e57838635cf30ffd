import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { readers } from './readers.js';

// Options some readers need before a file (the rest read `notes.txt` as it is).
const BEFORE: Record<string, string> = { cut: '-d, -f1', look: 'word', tr: '', zgrep: 'x', column: '-t' };

describe('files/readers', () => {
  const cases: ProgramCase[] = [];
  for (const program of readers.programs) {
    if (program === 'tr') continue;
    const before = BEFORE[program] ? `${BEFORE[program]} ` : '';
    cases.push({
      command: `${program} ${before}notes.txt`,
      effect: 'allow',
      targets: ['read:/home/u/project/notes.txt'],
    });
    cases.push({
      command: `${program} ${before}~/.ssh/id_rsa`,
      effect: 'deny',
      targets: ['read:/home/u/.ssh/id_rsa'],
    });
  }
  itDecides([
    ...cases,
    { command: 'tr a-z A-Z < notes.txt', effect: 'allow' },
    { command: 'tr -d "\\n" < ~/.aws/credentials', effect: 'deny', programs: ['tr'] },
    { command: 'head -n 5 ~/.claude/.credentials.json', effect: 'deny' },
    { command: 'less +F app.log', effect: 'allow' },
  ]);
});
