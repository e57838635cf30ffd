/**
 * Protected places that live beneath a directory of the home, relative to the home: where an
 * archive or a tree copy that writes files of unknown names into that directory can land. The
 * shell start-up files, user services and autostart, user bin directories, keys and tokens, and
 * the agents' and Warden's own settings.
 */
const PROTECTED_IN_HOME = [
  '.bashrc',
  '.bash_profile',
  '.profile',
  '.zshrc',
  '.zshenv',
  '.ssh/authorized_keys',
  '.aws/credentials',
  '.kube/config',
  '.docker/config.json',
  '.gnupg/private-keys-v1.d',
  '.config/systemd/user/default.target.wants',
  '.config/autostart/autostart.desktop',
  '.config/fish/conf.d/conf.fish',
  '.config/gh/hosts.yml',
  '.config/gcloud/credentials.db',
  '.local/bin/bin',
  '.local/share/systemd/user/user.service',
  'Library/LaunchAgents/agent.plist',
  '.claude/settings.json',
  '.codex/config.toml',
  '.warden/config.yaml',
];

const PROTECTED_FIRST_SEGMENTS = new Set(PROTECTED_IN_HOME.map((place) => place.split('/')[0]!));

/**
 * The protected places a tree write into `directory` (`tar -x -C dir`, `unzip -d dir`, `rsync -a
 * src/ dir`, `cp -r src/. dir`) can reach, as absolute paths: those of the home beneath it when
 * the directory is inside the home (the home itself is judged as the home). Empty elsewhere:
 * system directories and the root are protected as they are.
 */
export function protectedPlacesBelow(options: {
  directory: string;
  home: string;
  /**
   * Count the home itself and the directories above it (`/`, `/home`): a recursive read of them
   * (`grep -r x ~`, `tar c ~`) reads every place listed; a write there is judged as the home or
   * the system directory it is.
   */
  includeHome?: boolean;
}): string[] {
  const home = options.home.replace(/\/+$/, '');
  const directory = options.directory.replace(/\/+$/, '') || '/';
  if (
    options.includeHome &&
    (directory === home || home.startsWith(directory === '/' ? '/' : `${directory}/`))
  )
    return PROTECTED_IN_HOME.map((place) => `${home}/${place}`);
  if (directory === home || !directory.startsWith(`${home}/`)) return [];
  const relative = `${directory.slice(home.length + 1)}/`;
  // Most directories of the home hold nothing protected (`~/work/app/src`): one lookup says so.
  if (!PROTECTED_FIRST_SEGMENTS.has(relative.slice(0, relative.indexOf('/')))) return [];
  return PROTECTED_IN_HOME.filter((place) => place.startsWith(relative)).map((place) => `${home}/${place}`);
}
