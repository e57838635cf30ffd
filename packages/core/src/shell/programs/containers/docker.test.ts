import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('containers/docker', () => {
  it('raises shell.docker_prune for docker rm -f $(docker ps -aq)', () => {
    const result = describeLine("docker rm -f '$(docker ps -aq)'");
    expect(result.findings).toEqual(['shell.docker_prune']);
  });
  it('raises shell.docker_prune for docker rmi $(docker images -q)', () => {
    const result = describeLine("docker rmi '$(docker images -q)'");
    expect(result.findings).toEqual(['shell.docker_prune']);
  });
  it('raises nothing for docker rm web', () => {
    const result = describeLine('docker rm web');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.package_publish for docker buildx build --push -t ghcr.io/acme/app .', () => {
    const result = describeLine('docker buildx build --push -t ghcr.io/acme/app .');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises nothing for docker build -t app .', () => {
    const result = describeLine('docker build -t app .');
    expect(result.findings).toEqual([]);
  });
});

describe('containers/docker through the engine', () => {
  itDecides([
    { command: 'docker ps', effect: 'allow' },
    { command: 'docker --context prod system prune -f', effect: 'ask', findings: ['shell.docker_prune'] },
    { command: 'podman system prune -af', effect: 'ask', findings: ['shell.docker_prune'] },
    { command: 'nerdctl run --privileged alpine', effect: 'ask', findings: ['shell.docker_privileged'] },
    { command: 'docker run -v ~/.ssh:/root/.ssh alpine', effect: 'deny', rule: 'secrets.shell-access' },
    {
      command: 'docker run --rm -v ~/.aws:/root/.aws:ro amazon/aws-cli s3 ls',
      effect: 'deny',
      rule: 'secrets.shell-access',
    },
    {
      command: 'docker run --rm -v ./data:/data postgres:16',
      effect: 'allow',
      targets: ['read:/home/u/project/data'],
    },
    { command: 'docker run -d -v pgdata:/var/lib/postgresql/data postgres:16', effect: 'allow' },
  ]);
});
