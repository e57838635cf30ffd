import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('processes/kill', () => {
  itDecides([
    { command: 'kill 4242', effect: 'allow' },
    { command: 'pkill -f "vite dev"', effect: 'allow' },
    { command: 'killall node', effect: 'allow' },
    { command: 'kill -9 -1', effect: 'deny', findings: ['shell.kill_all'] },
    { command: 'kill 0', effect: 'deny', findings: ['shell.kill_all'] },
    { command: 'killall5 -9', effect: 'deny', findings: ['shell.kill_all'] },
    { command: 'pkill -u dev', effect: 'deny', findings: ['shell.kill_all'] },
    { command: 'pkill -f warden', effect: 'deny', findings: ['shell.guard_tamper'] },
    { command: 'pkill -f hook-daemon', effect: 'deny', findings: ['shell.guard_tamper'] },
    { command: 'killall -9 -r hook-daemon', effect: 'deny', findings: ['shell.guard_tamper'] },
    { command: 'killall -9 claude', effect: 'deny', findings: ['shell.guard_tamper'] },
    { command: 'pkill codex', effect: 'deny', findings: ['shell.guard_tamper'] },
    { command: 'pkill -f "vite dev"', effect: 'allow' },
  ]);
});
