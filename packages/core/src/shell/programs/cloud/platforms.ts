import { scanOptions } from '../../parse-options.js';
import { defineProgram } from '../program-module.js';
import { CLOUD_DELETE, describeCloudDelete } from './cloud-delete.js';

/** Hosting and cloud platforms' CLIs whose subcommands delete what they host. */
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
  findings: [CLOUD_DELETE],
  ownsArguments: true,
  describe(call) {
    // Their operands are resource names and subcommands, not files.
    call.description.flags = scanOptions({ args: call.args, spec: { permute: true } }).flags;
    describeCloudDelete(call);
  },
});
