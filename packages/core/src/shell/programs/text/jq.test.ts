import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('text/jq', () => {
  itDecides([
    { command: 'jq .version package.json', effect: 'allow', targets: ['read:/home/u/project/package.json'] },
    {
      command: 'yq .services docker-compose.yml',
      effect: 'allow',
      targets: ['read:/home/u/project/docker-compose.yml'],
    },
    {
      command: 'gojq --rawfile t notes.md . data.json',
      effect: 'allow',
      targets: ['read:/home/u/project/notes.md'],
    },
    { command: 'jq -r .token ~/.config/gh/hosts.yml', effect: 'deny' },
    {
      command: "yq -i '.rules = []' .warden/policy.yaml",
      effect: 'deny',
      rule: 'guard.protect-config-shell',
    },
    {
      command: 'yq eval -i \'.permissions.allow += ["Bash(*)"]\' .claude/settings.json',
      effect: 'deny',
      targets: ['write:/home/u/project/.claude/settings.json'],
    },
    {
      command: 'yq -i \'.version = "1.2.0"\' chart/Chart.yaml',
      effect: 'allow',
      targets: ['write:/home/u/project/chart/Chart.yaml'],
    },
    {
      command: "yq eval '.jobs' .github/workflows/ci.yml",
      effect: 'allow',
      targets: ['read:/home/u/project/.github/workflows/ci.yml'],
    },
  ]);
});
