import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('keys/key-generators', () => {
  it('raises nothing for openssl req -x509 -newkey rsa:2048 -keyout key.pem -out cert.pem -nodes -days 1', () => {
    const result = describeLine(
      'openssl req -x509 -newkey rsa:2048 -keyout key.pem -out cert.pem -nodes -days 1',
    );
    expect(result.findings).toEqual([]);
    expect(result.targets.filter((target) => target.startsWith('write:'))).toEqual([]);
  });
  it('raises nothing and names write:/etc/ssl/private/site.key for openssl genrsa -out /etc/ssl/private/site.key 2048', () => {
    const result = describeLine('openssl genrsa -out /etc/ssl/private/site.key 2048');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['write:/etc/ssl/private/site.key']));
  });
  it('raises nothing for ssh-keygen -t ed25519 -f ./deploy_key -N ""', () => {
    const result = describeLine('ssh-keygen -t ed25519 -f ./deploy_key -N ""');
    expect(result.findings).toEqual([]);
    expect(result.targets.filter((target) => target.startsWith('write:'))).toEqual([]);
  });
  it('raises nothing and names write:~/.ssh/id_ed25519 for ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""', () => {
    const result = describeLine('ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['write:~/.ssh/id_ed25519']));
  });
  it('raises nothing and names read:~/.ssh/id_rsa for ssh-keygen -y -f ~/.ssh/id_rsa', () => {
    const result = describeLine('ssh-keygen -y -f ~/.ssh/id_rsa');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:~/.ssh/id_rsa']));
  });
  it('raises nothing and names list:~/.ssh/id_rsa.pub for ssh-keygen -lf ~/.ssh/id_rsa.pub', () => {
    const result = describeLine('ssh-keygen -lf ~/.ssh/id_rsa.pub');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['list:~/.ssh/id_rsa.pub']));
  });
});

describe('keys/key-generators through the engine', () => {
  itDecides([
    { command: 'openssl rand -hex 16', effect: 'allow' },
    { command: "ssh-keygen -t ed25519 -f ./deploy_key -N ''", effect: 'allow' },
    { command: 'mkcert localhost', effect: 'allow' },
    { command: 'age-keygen -o key.txt', effect: 'allow' },
    { command: 'step certificate create a a.crt a.key', effect: 'allow' },
    { command: 'cfssl gencert -initca ca.json', effect: 'allow' },
    { command: 'certtool --generate-privkey --outfile key.pem', effect: 'allow' },
  ]);
});
