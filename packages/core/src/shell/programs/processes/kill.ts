import { scanOptions } from '../../parse-options.js';
import { GUARD_TAMPER } from '../packages/package-managers.js';
import { defineProgram, type ProgramCall, raise } from '../program-module.js';

export const KILL_ALL = {
  id: 'shell.kill_all',
  summary:
    'Every process (of the user, of the session, or of the system) is signalled: kill -1, kill 0, killall5, pkill -u.',
};

function describeKill(call: ProgramCall): void {
  const { program, args } = call;
  call.description.flags = scanOptions({
    args,
    spec: { valued: 'snu', numeric: true, permute: true },
  }).flags;
  if (program === 'killall5') raise(call, 'shell.kill_all', 'killall5 signals every process on the system.');
  if (program === 'kill') {
    // The first option is the signal (`-9`, `-KILL`, `-s KILL`); what follows are process ids,
    // where -1 means every process the user may signal and 1 is init.
    let index = 0;
    if (args[0] === '-s' || args[0] === '-n' || args[0] === '--signal') index = 2;
    else if (args[0]?.startsWith('-') && args[0] !== '--' && !/^-[lL]$/.test(args[0])) index = 1;
    if (args[index] === '--') index++;
    const pids = args.slice(index);
    if (pids.includes('-1') || pids.includes('1'))
      raise(call, 'shell.kill_all', 'kill -1 signals every process the user can signal (and pid 1 is init).');
    // Process group 0 is this shell's own group: the agent's shell and everything it started.
    else if (pids.includes('0') || pids.includes('-0'))
      raise(call, 'shell.kill_all', 'kill 0 signals every process in the current process group.');
  }
  if (program === 'pkill' || program === 'killall' || program === 'pgrep') {
    if (program !== 'pgrep') {
      // By user only (`pkill -u dev`, `killall -u dev`), or a pattern that matches every name.
      const scanned = scanOptions({
        args,
        spec: {
          valued: program === 'pkill' ? 'sugtPGUFc' : 'sugyoc',
          numeric: true,
          permute: true,
          longValued: [
            'signal',
            'user',
            'group',
            'parent',
            'session',
            'terminal',
            'pidfile',
            'older-than',
            'younger-than',
          ],
        },
      });
      const patterns = scanned.operands;
      const byUser = scanned.values.has('u') || scanned.values.has('U') || scanned.values.has('user');
      if (
        (byUser && patterns.length === 0) ||
        patterns.some(
          (pattern) =>
            /^(\.\*?|\.\+|\^|\$|\^\.\*\$?|\*|\[\^\]\]\*|\w?\*)$/.test(pattern) ||
            pattern === '.' ||
            pattern === '',
        )
      )
        raise(call, 'shell.kill_all', `${program} matches every process (of the user).`);
    }
  }
  // `hook-daemon` is the resident decider the command hook hands its calls to (a killed one is
  // replaced by in-process decisions, so nothing goes unguarded; stopping it is tampering still).
  if (args.some((arg) => /warden|hook-daemon/i.test(arg)))
    raise(call, 'shell.guard_tamper', 'This stops the guard itself.');
  // `killall -9 claude`, `pkill codex`: the coding agent itself, and its guard with it.
  else if (
    program !== 'kill' &&
    args.some((arg) => /^(claude|codex|gemini|cursor-agent|aider|opencode)$/i.test(arg))
  )
    raise(
      call,
      'shell.guard_tamper',
      'This stops every process of that name, the coding agent and its guard among them.',
    );
}

/** kill, pkill, killall: signalling everything, or the guard itself. */
export const kill = defineProgram({
  name: 'processes/kill',
  programs: ['kill', 'pkill', 'killall', 'killall5'],
  findings: [KILL_ALL, GUARD_TAMPER],
  ownsArguments: true,
  describe: describeKill,
});
