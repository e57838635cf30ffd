import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('network/tunnels', () => {
  itDecides([
    { command: 'ngrok tcp 22', effect: 'ask', findings: ['shell.port_exposure'] },
    { command: 'ngrok tls 5432', effect: 'ask', findings: ['shell.port_exposure'] },
    { command: 'ngrok http 3000', effect: 'allow' },
    { command: 'ngrok config add-authtoken $NGROK_TOKEN', effect: 'allow' },
    {
      command: 'cloudflared tunnel --url ssh://localhost:22',
      effect: 'ask',
      findings: ['shell.port_exposure'],
    },
    {
      command: 'cloudflared tunnel --url=tcp://localhost:5432',
      effect: 'ask',
      findings: ['shell.port_exposure'],
    },
    { command: 'cloudflared tunnel --url http://localhost:8080', effect: 'allow' },
    { command: 'cloudflared tunnel list', effect: 'allow' },
    { command: 'bore local 5432 --to bore.pub', effect: 'ask', findings: ['shell.port_exposure'] },
    {
      command: 'tailscale funnel --tcp 22 tcp://localhost:22',
      effect: 'ask',
      findings: ['shell.port_exposure'],
    },
    { command: 'tailscale funnel 3000', effect: 'allow' },
    { command: 'tailscale status', effect: 'allow' },
    { command: 'ssh -R 8080:localhost:22 relay.example', effect: 'ask', findings: ['shell.port_exposure'] },
    { command: 'ssh -NR 2222:localhost:22 relay.example', effect: 'ask', findings: ['shell.port_exposure'] },
    {
      command: 'ssh -o RemoteForward="9000 localhost:9000" relay.example',
      effect: 'ask',
      findings: ['shell.port_exposure'],
    },
    { command: 'ssh -L 5432:db.internal:5432 bastion', effect: 'allow' },
    { command: 'ssh build@ci.example uptime', effect: 'allow' },
  ]);
});
