import { scanOptions } from '../../parse-options.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram } from '../program-module.js';
import { CLOUD_DELETE, describeCloudDelete } from './cloud-delete.js';
import { describePlatformSecretRead } from './platform-secrets.js';

/**
 * Hosting and cloud platforms' CLIs whose subcommands delete what they host, or read the secrets
 * and environment variables they keep for an app.
 */
export const platforms = defineProgram({
  name: 'cloud/platforms',
  programs: [
    'doctl',
    'vercel',
    'netlify',
    'firebase',
    'oci',
    'linode-cli',
    'hcloud',
    'scw',
    'ibmcloud',
    'railway',
    'render',
    'wrangler',
  ],
  findings: [CLOUD_DELETE, CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    // Their operands are resource names and subcommands, not files.
    call.description.flags = scanOptions({ args: call.args, spec: { permute: true } }).flags;
    describeCloudDelete(call);
    describePlatformSecretRead(call);
  },
});
