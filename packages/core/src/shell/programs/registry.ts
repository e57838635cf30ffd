import { accountTools } from './accounts/account-tools.js';
import { groupTools } from './accounts/group-tools.js';
import { claude } from './agents/claude.js';
import { codex } from './agents/codex.js';
import { otherAgents } from './agents/other-agents.js';
import { go } from './build/go.js';
import { toolchains } from './build/toolchains.js';
import { aws } from './cloud/aws.js';
import { az } from './cloud/az.js';
import { gcloud } from './cloud/gcloud.js';
import { platforms } from './cloud/platforms.js';
import { infraTerraform } from './cloud/terraform.js';
import { ansible } from './config-management/ansible.js';
import { docker } from './containers/docker.js';
import { helm } from './containers/helm.js';
import { imageBuilders } from './containers/image-builders.js';
import { kubectl } from './containers/kubectl.js';
import { credentialHelpers } from './credentials/credential-helpers.js';
import { gpg } from './credentials/gpg.js';
import { printenv } from './credentials/printenv.js';
import { secretManagers } from './credentials/secret-managers.js';
import { macosSecurity } from './credentials/security.js';
import { dropTools } from './database/drop-tools.js';
import { mongosh } from './database/mongosh.js';
import { mysql } from './database/mysql.js';
import { psql } from './database/psql.js';
import { redisCli } from './database/redis-cli.js';
import { schemaTools } from './database/schema-tools.js';
import { sqlite3 } from './database/sqlite3.js';
import { openers } from './editors/openers.js';
import { terminalEditors } from './editors/terminal-editors.js';
import { archivers } from './files/archivers.js';
import { chmod } from './files/chmod.js';
import { cp } from './files/cp.js';
import { dd } from './files/dd.js';
import { diskTools } from './files/disk-tools.js';
import { find } from './files/find.js';
import { listers } from './files/listers.js';
import { patch } from './files/patch.js';
import { readers } from './files/readers.js';
import { rm } from './files/rm.js';
import { rsync } from './files/rsync.js';
import { shred } from './files/shred.js';
import { sort } from './files/sort.js';
import { tar } from './files/tar.js';
import { writers } from './files/writers.js';
import { zip } from './files/zip.js';
import { gh } from './hosting/gh.js';
import { glab } from './hosting/glab.js';
import { perl } from './interpreters/perl.js';
import { keyGenerators } from './keys/key-generators.js';
import { at } from './launchers/at.js';
import { debuggers } from './launchers/debuggers.js';
import { curl } from './network/curl.js';
import { httpServers } from './network/http-servers.js';
import { netcat } from './network/netcat.js';
import { probes } from './network/probes.js';
import { tunnels } from './network/tunnels.js';
import { wget } from './network/wget.js';
import { packageManagers } from './packages/package-managers.js';
import { publishers } from './packages/publishers.js';
import { systemPackages } from './packages/system-packages.js';
import { kill } from './processes/kill.js';
import type { ProgramModule } from './program-module.js';
import { builtins } from './shell/builtins.js';
import { crontab } from './system/crontab.js';
import { firewall } from './system/firewall.js';
import { hostConfig } from './system/host-config.js';
import { systemInfo } from './system/info.js';
import { launchctl } from './system/launchctl.js';
import { power } from './system/power.js';
import { securityControls } from './system/security-controls.js';
import { service } from './system/service.js';
import { systemctl } from './system/systemctl.js';
import { awk } from './text/awk.js';
import { formatters } from './text/formatters.js';
import { grep } from './text/grep.js';
import { jq } from './text/jq.js';
import { sed } from './text/sed.js';
import { rclone } from './transfer/rclone.js';
import { git } from './vcs/git.js';
import { wrappers } from './wrappers/wrappers.js';

/** Every program module; adding a program is one file here and its test beside it. */
export const PROGRAM_MODULES: readonly ProgramModule[] = [
  accountTools,
  groupTools,
  claude,
  codex,
  otherAgents,
  go,
  toolchains,
  aws,
  az,
  gcloud,
  platforms,
  infraTerraform,
  ansible,
  docker,
  helm,
  imageBuilders,
  kubectl,
  credentialHelpers,
  gpg,
  printenv,
  secretManagers,
  macosSecurity,
  dropTools,
  mongosh,
  mysql,
  psql,
  redisCli,
  schemaTools,
  sqlite3,
  openers,
  terminalEditors,
  archivers,
  chmod,
  cp,
  dd,
  diskTools,
  find,
  listers,
  patch,
  readers,
  rm,
  rsync,
  shred,
  sort,
  tar,
  writers,
  zip,
  gh,
  glab,
  perl,
  keyGenerators,
  at,
  debuggers,
  curl,
  httpServers,
  netcat,
  probes,
  tunnels,
  wget,
  packageManagers,
  publishers,
  systemPackages,
  kill,
  builtins,
  crontab,
  firewall,
  hostConfig,
  securityControls,
  systemInfo,
  launchctl,
  power,
  service,
  systemctl,
  awk,
  formatters,
  grep,
  jq,
  sed,
  rclone,
  git,
  wrappers,
];

/**
 * The modules by program name, and what is wrong with the set: a program claimed twice, a module
 * claiming nothing, a finding declared twice with different words or named outside `shell.`.
 */
export function buildProgramRegistry(modules: readonly ProgramModule[]): {
  byProgram: Map<string, ProgramModule>;
  findings: Map<string, string>;
  problems: string[];
} {
  const byProgram = new Map<string, ProgramModule>();
  const findings = new Map<string, string>();
  const problems: string[] = [];
  for (const module of modules) {
    if (module.programs.length === 0) problems.push(`${module.name} claims no program`);
    for (const program of module.programs) {
      const owner = byProgram.get(program);
      if (owner) problems.push(`${program} is claimed by ${owner.name} and ${module.name}`);
      else byProgram.set(program, module);
    }
    for (const finding of module.findings) {
      if (!/^shell\.[a-z0-9_]+$/.test(finding.id))
        problems.push(`${module.name}: bad finding id ${finding.id}`);
      if (finding.summary.trim().length < 10)
        problems.push(`${module.name}: ${finding.id} is not documented`);
      if (!findings.has(finding.id)) findings.set(finding.id, finding.summary);
    }
  }
  return { byProgram, findings, problems };
}

const registry = buildProgramRegistry(PROGRAM_MODULES);
const byShape = PROGRAM_MODULES.filter((module) => module.matches !== undefined);

/** The module that reads this program's arguments, if any. */
export function programModule(program: string): ProgramModule | undefined {
  const module = registry.byProgram.get(program);
  if (module !== undefined) return module;
  for (const candidate of byShape) if (candidate.matches!.test(program)) return candidate;
  return undefined;
}
