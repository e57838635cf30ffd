import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('containers/helm', () => {
  itDecides([
    { command: 'helm list -A', effect: 'allow' },
    { command: 'helm upgrade --install web ./chart', effect: 'allow' },
    { command: 'helm uninstall web -n prod', effect: 'ask', findings: ['shell.kubectl_delete'] },
    { command: 'helm rollback web 3', effect: 'ask', findings: ['shell.kubectl_delete'] },
  ]);
});
