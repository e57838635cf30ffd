import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('network/http-servers', () => {
  it('raises nothing and names read:. for python3 -m http.server 8000', () => {
    const result = describeLine('python3 -m http.server 8000');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:.']));
  });
  it('raises nothing and names read:/ for python3 -m http.server --directory /', () => {
    const result = describeLine('python3 -m http.server --directory /');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:/']));
  });
  it('raises nothing and names read:~ for http-server ~ -p 8080', () => {
    const result = describeLine('http-server ~ -p 8080');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:~']));
  });
  it('raises nothing and names read:public for php -S 0.0.0.0:8000 -t public', () => {
    const result = describeLine('php -S 0.0.0.0:8000 -t public');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:public']));
  });
  it('raises nothing for python3 -m pytest', () => {
    const result = describeLine('python3 -m pytest');
    expect(result.findings).toEqual([]);
  });
});

describe('network/http-servers through the engine', () => {
  itDecides([
    { command: 'python -m http.server 8000', effect: 'allow' },
    { command: 'python3 -m http.server --directory ~ 8000', effect: 'deny' },
    { command: 'python2 -m SimpleHTTPServer', effect: 'allow' },
    { command: 'http-server dist', effect: 'allow' },
    { command: 'serve ~', effect: 'deny' },
    { command: 'php -S localhost:8000 -t public', effect: 'allow' },
    { command: 'live-server dist', effect: 'allow' },
    { command: 'static-server dist', effect: 'allow' },
    {
      command: 'python manage.py flush --no-input',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['python', 'manage.py'],
    },
    {
      command: 'python3 -u manage.py migrate app zero',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['python3', 'manage.py'],
    },
    { command: 'python manage.py migrate', effect: 'allow', programs: ['python', 'manage.py'] },
    {
      command: 'php artisan db:wipe --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['php', 'artisan'],
    },
    {
      command: 'php bin/console doctrine:database:drop --force',
      effect: 'ask',
      findings: ['shell.database_destructive'],
      programs: ['php', 'console'],
    },
    { command: 'python scripts/manage.py.bak', effect: 'allow' },
  ]);
});
