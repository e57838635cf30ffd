import { defineProgram, type ProgramCall, raise, words } from '../program-module.js';

export const PORT_EXPOSURE = {
  id: 'shell.port_exposure',
  summary:
    'A tunnel publishes a raw port of this machine on the internet (ngrok tcp, cloudflared with a tcp/ssh/rdp origin, bore, tailscale funnel --tcp, ssh -R): whatever listens there, a shell or a database, is reachable by anyone. Web tunnels for a dev server (ngrok http, localtunnel) stay allowed.',
};

/** Origins that are not a web server: a shell, a database, a desktop. */
const RAW_ORIGIN = /^(tcp|ssh|rdp|smb|unix|tls):\/\//i;

/** Whether the tunnel publishes a raw TCP port (web tunnels for a dev server are everyday work). */
function publishesRawPort(call: ProgramCall): boolean {
  const operands = words(call.args);
  const [first] = operands;
  const values = call.args.flatMap((arg) => (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1)] : [arg]));
  switch (call.program) {
    case 'ngrok':
      return first === 'tcp' || first === 'tls';
    case 'cloudflared':
      return first === 'tunnel' && values.some((value) => RAW_ORIGIN.test(value));
    case 'bore':
      return first === 'local';
    case 'tailscale':
      return first === 'funnel' && call.args.some((arg) => /^--(tcp|tls-terminated-tcp)(=|$)/.test(arg));
    default:
      return false;
  }
}

function describeTunnel(call: ProgramCall): void {
  if (publishesRawPort(call))
    raise(call, PORT_EXPOSURE.id, `${call.program} publishes a raw port of this machine on the internet.`);
}

/** Tunnels that put a local port on the internet. */
export const tunnels = defineProgram({
  name: 'network/tunnels',
  programs: ['ngrok', 'cloudflared', 'bore', 'tailscale'],
  findings: [PORT_EXPOSURE],
  ownsArguments: true,
  describe: describeTunnel,
});
