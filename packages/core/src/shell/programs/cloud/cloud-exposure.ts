import { type ProgramCall, raise, words } from '../program-module.js';

export const CLOUD_EXPOSURE = {
  id: 'shell.cloud_exposure',
  summary:
    'A cloud or cluster CLI grants administrator rights or opens a resource to everyone (admin/owner role bindings, public ACLs and buckets, 0.0.0.0/0 ingress, cluster-admin bindings).',
};

/** Roles that hand over the account, project or cluster. */
const ADMIN_ROLE =
  /(^|[/:])(AdministratorAccess|IAMFullAccess|PowerUserAccess|roles\/(owner|editor)|roles\/[\w.]*\.admin|Owner|Contributor|User Access Administrator|cluster-admin|admin)$|arn:aws:iam::aws:policy\/AdministratorAccess|"Action"\s*:\s*"\*"/;
/** Who everyone is: the whole internet, every Google account, the public ACLs. */
const EVERYONE =
  /^(0\.0\.0\.0\/0|::\/0|allUsers|allAuthenticatedUsers|public-read|public-read-write|authenticated-read)$|(^|[:=])(allUsers|allAuthenticatedUsers)$|CidrIp=0\.0\.0\.0\/0|CidrIpv6=::\/0/;

/**
 * Grants that hand over an account or cluster, or open a resource to the internet: `aws iam
 * attach-user-policy ... AdministratorAccess`, `gcloud projects add-iam-policy-binding --role=
 * roles/owner`, `az role assignment create --role Owner`, `az ad sp create-for-rbac`, `kubectl
 * create clusterrolebinding --clusterrole=cluster-admin`, `aws s3api put-bucket-acl --acl
 * public-read`, `aws ec2 authorize-security-group-ingress --cidr 0.0.0.0/0`, `gsutil iam ch
 * allUsers:objectViewer`. The same verbs with a narrow role or address are everyday work.
 */
export function describeCloudExposure(call: ProgramCall): void {
  const { args } = call;
  const operands = words(args);
  const path = operands.slice(0, 4).join(' ');
  const grants =
    /(^| )(attach-(user|role|group)-policy|put-(user|role|group)-policy|add-iam-policy-binding|set-iam-policy|create-for-rbac|clusterrolebinding|rolebinding|role assignment create|add-user-to-group|create-role-assignment)( |$)/.test(
      path,
    ) ||
    (call.program === 'gsutil' && operands[0] === 'iam' && operands[1] === 'ch');
  const opens =
    /(^| )(authorize-security-group-ingress|put-bucket-acl|put-object-acl|put-bucket-policy|delete-public-access-block|firewall-rules create|firewall-rules update|nsg rule create|add-iam-policy-binding|set-iam-policy|acl ch|iam ch|make-public|update-function-url-config|create-function-url-config)( |$)/.test(
      path,
    ) ||
    // Uploads that publish what they upload: `aws s3 sync . s3://b --acl public-read`.
    (/^s3 (cp|sync|mv)( |$)/.test(path) && args.some((arg) => /^--acl(=|$)/.test(arg))) ||
    (/(^| )(put-object|copy-object|create-bucket)( |$)/.test(path) &&
      args.some((arg) => /^--acl(=|$)/.test(arg)));
  const gsutilTouches =
    call.program === 'gsutil' && (operands[0] === 'acl' || operands[0] === 'iam' || operands[0] === 'cp');
  if (!grants && !opens && !gsutilTouches) return;
  const values = args.flatMap((arg) => (arg.includes('=') ? [arg, arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const admin =
    grants && (call.args.includes('create-for-rbac') || values.some((value) => ADMIN_ROLE.test(value)));
  const everyone =
    opens && values.some((value) => EVERYONE.test(value) || /^(0\.0\.0\.0\/0|\*)$/.test(value));
  const gsutilPublic =
    call.program === 'gsutil' && values.some((value) => /^-?a?\s*public-read$|allUsers/.test(value));
  if (admin || everyone || gsutilPublic)
    raise(
      call,
      CLOUD_EXPOSURE.id,
      admin
        ? 'This grants administrator rights over a cloud account, project or cluster.'
        : 'This opens a cloud resource to everyone on the internet.',
    );
}
