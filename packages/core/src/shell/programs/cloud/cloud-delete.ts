import type { ProgramCall } from '../program-module.js';
import { raise, words } from '../program-module.js';

export const CLOUD_DELETE = {
  id: 'shell.cloud_delete',
  summary:
    'A cloud CLI deletes resources or data (delete/terminate/destroy verbs, s3 rm/rb, sync --delete, gsutil rm).',
};

const DELETE_VERB =
  /^(delete|remove|rm|rb|destroy|terminate|deregister|purge|disable|drop|wipe|reset|uninstall|deprovision|decommission)([-_:].*)?$|^[a-z][a-z-]*[-_:](delete|remove|destroy|terminate|purge|disable|reset|wipe|drop)$|^(delete|terminate|deregister|remove|destroy|purge)-[a-z-]+$/;

/**
 * An operation whose name holds a deleting verb in the middle (`batch-delete-image`,
 * `schedule-key-deletion`, `bulk-delete-objects`), unless it only reads (`describe-…`, `list-…`).
 */
const DELETE_INSIDE =
  /^(?!(describe|list|get|show|check|validate|preview|estimate)-)[a-z]+(-[a-z]+)*-(delete|deletion|terminate|destroy|purge)(-[a-z]+)*$/;

/**
 * A deleting verb among the first words of a cloud or platform CLI (`aws ec2 terminate-instances`,
 * `doctl compute droplet delete`), and the storage tools' recursive removals.
 */
export function describeCloudDelete(call: ProgramCall): void {
  const { program, args } = call;
  const operands = words(args);
  const deletes = operands.slice(0, 6).some((word) => DELETE_VERB.test(word) || DELETE_INSIDE.test(word));
  const s3 =
    program === 'aws' &&
    operands[0] === 's3' &&
    (operands[1] === 'rm' ||
      operands[1] === 'rb' ||
      (operands[1] === 'sync' && args.some((arg) => arg.startsWith('--delete'))));
  const gsutil = program === 'gsutil' && operands.some((word) => word === 'rm' || word === 'rb');
  const rclone =
    program === 'rclone' && /^(delete|deletefile|purge|rmdir|rmdirs|cleanup)$/.test(operands[0] ?? '');
  if (deletes || s3 || gsutil || rclone)
    raise(call, CLOUD_DELETE.id, 'This deletes cloud resources or data.');
}
