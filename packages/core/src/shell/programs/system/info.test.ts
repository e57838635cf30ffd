import { describe } from 'vitest';
import { itDecides, type ProgramCase } from '../program-test.js';
import { systemInfo } from './info.js';

const LINES: Record<string, string> = {
  id: 'id -u',
  whoami: 'whoami',
  uname: 'uname -a',
  hostname: 'hostname -f',
  tput: 'tput cols',
  clear: 'clear',
  logger: 'logger build done',
  'notify-send': 'notify-send "tests passed"',
  say: 'say done',
  bc: 'echo 1+2 | bc',
  dc: 'dc -e "2 3 + p"',
  factor: 'factor 91',
  numfmt: 'numfmt --to=iec 1048576',
  nproc: 'nproc',
  uptime: 'uptime',
  ps: 'ps aux',
  top: 'top -b -n 1',
  htop: 'htop',
  free: 'free -m',
  df: 'df -h',
  lsof: 'lsof -i :3000',
  pgrep: 'pgrep -f vite',
  wall: 'wall "deploying"',
  mesg: 'mesg n',
  write: 'write dev',
  stty: 'stty size',
  sync: 'sync',
  arch: 'arch',
  realpath: 'realpath ~/.ssh/id_rsa',
  readlink: 'readlink -f node_modules/.bin/tsc',
  mktemp: 'mktemp -d',
  tty: 'tty',
  locale: 'locale',
  cal: 'cal 2026',
  ncal: 'ncal -w',
  banner: 'banner done',
  figlet: 'figlet Warden',
  cowsay: 'cowsay moo',
};

describe('system/info', () => {
  const cases: ProgramCase[] = systemInfo.programs.map((program) => ({
    command: LINES[program]!,
    effect: 'allow',
    programs: [program],
  }));
  itDecides(cases);
});
