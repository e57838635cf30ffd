import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('cloud/platforms', () => {
  itDecides([
    { command: 'doctl compute droplet list', effect: 'allow' },
    {
      command: 'doctl compute droplet delete web-1 --force',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    { command: 'vercel deploy --prod', effect: 'allow' },
    { command: 'vercel remove my-app --yes', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'netlify sites:delete abc', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'firebase hosting:disable', effect: 'ask', findings: ['shell.cloud_delete'] },
    {
      command: 'oci compute instance terminate --instance-id x',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    { command: 'linode-cli linodes delete 123', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'hcloud server delete web', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'scw instance server list', effect: 'allow' },
    {
      command: 'ibmcloud resource service-instance-delete db',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    { command: 'railway down', effect: 'allow' },
    { command: 'render services list', effect: 'allow' },
    { command: 'wrangler delete worker-x', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'wrangler dev', effect: 'allow' },
    { command: 'vercel env pull .env.local', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'vercel pull --environment=production', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'vercel env add API_KEY production', effect: 'allow' },
    { command: 'netlify env:list --plain', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'netlify env:get STRIPE_KEY', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'netlify env:set NODE_VERSION 24', effect: 'allow' },
    { command: 'railway variables', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'railway variables --set FOO=bar', effect: 'allow' },
    { command: 'wrangler secret list', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'wrangler secret put API_KEY', effect: 'allow' },
    { command: 'firebase functions:config:get', effect: 'ask', findings: ['shell.credential_print'] },
    {
      command: 'firebase functions:secrets:access STRIPE_KEY',
      effect: 'ask',
      findings: ['shell.credential_print'],
    },
    { command: 'firebase deploy --only hosting', effect: 'allow' },
  ]);
});
