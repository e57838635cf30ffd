import { describe, expect, it } from 'vitest';
import { describeLine, itDecides, type ProgramCase } from '../program-test.js';
import { wrappers } from './wrappers.js';

// Each wrapper running `rm -rf ~`: the analysis must see through it.
const LINES: Record<string, string> = {
  sudo: 'sudo rm -rf ~',
  doas: 'doas rm -rf ~',
  pkexec: 'pkexec rm -rf ~',
  run0: 'run0 rm -rf ~',
  env: 'env -i rm -rf ~',
  nice: 'nice -n 10 rm -rf ~',
  nohup: 'nohup rm -rf ~',
  timeout: 'timeout 10 rm -rf ~',
  gtimeout: 'gtimeout 10 rm -rf ~',
  // `time` alone is bash's keyword; the program is /usr/bin/time.
  time: '/usr/bin/time rm -rf ~',
  stdbuf: 'stdbuf -oL rm -rf ~',
  ionice: 'ionice -c3 rm -rf ~',
  chrt: 'chrt -i 0 rm -rf ~',
  taskset: 'taskset -c 0 rm -rf ~',
  setsid: 'setsid rm -rf ~',
  unbuffer: 'unbuffer rm -rf ~',
  caffeinate: 'caffeinate -i rm -rf ~',
  chronic: 'chronic rm -rf ~',
  nocache: 'nocache rm -rf ~',
  xargs: 'echo ~ | xargs rm -rf',
  parallel: 'parallel rm -rf ::: ~',
  watch: 'watch -n 5 rm -rf ~',
  command: 'command rm -rf ~',
  builtin: 'builtin eval "rm -rf ~"',
  exec: 'exec rm -rf ~',
  busybox: 'busybox rm -rf ~',
  toybox: 'toybox rm -rf ~',
  ssh: 'ssh localhost rm -rf ~',
  su: 'su -c "rm -rf ~"',
  runuser: 'runuser -u dev -- rm -rf ~',
  sg: 'sg dev -c "rm -rf ~"',
  flock: 'flock /tmp/lock rm -rf ~',
  chroot: 'chroot / rm -rf ~',
  strace: 'strace -f rm -rf ~',
  ltrace: 'ltrace rm -rf ~',
  valgrind: 'valgrind rm -rf ~',
  sshpass: 'sshpass -p x ssh host rm -rf ~',
  torsocks: 'torsocks rm -rf ~',
  proxychains: 'proxychains rm -rf ~',
  proxychains4: 'proxychains4 rm -rf ~',
  entr: 'ls | entr rm -rf ~',
  eval: 'eval "rm -rf ~"',
};

describe('wrappers/wrappers', () => {
  it('reads only its own flags, up to the command it runs', () => {
    expect(describeLine('sudo -u root rm -rf x').targets).toEqual([]);
  });
  const cases: ProgramCase[] = wrappers.programs.map((program) => ({
    command: LINES[program] ?? `${program} -c "rm -rf ~"`,
    effect: 'deny',
    programs: [program, 'rm'],
  }));
  itDecides([
    ...cases,
    { command: 'sudo apt-get update', effect: 'allow', programs: ['sudo', 'apt-get'] },
    { command: 'timeout 60 npm test', effect: 'allow', programs: ['timeout', 'npm'] },
    { command: 'bash scripts/test.sh', effect: 'allow' },
    // Interactive shells as root or another user: what is typed next escapes the analysis.
    { command: 'sudo -i', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'sudo -s', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'sudo su -', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'sudo -E bash', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'sudo -u postgres -i', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'su -', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'doas sh', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'pkexec', effect: 'ask', findings: ['shell.root_shell'] },
    { command: 'sudo -v', effect: 'allow' },
    { command: 'sudo -l', effect: 'allow' },
    { command: 'sudo -u postgres psql -c "select 1"', effect: 'allow' },
    { command: 'sudo bash scripts/setup.sh', effect: 'allow' },
    { command: 'su -c "whoami" deploy', effect: 'allow' },
    { command: 'sudo su -c "systemctl status nginx"', effect: 'allow' },
  ]);
});
