import { type ProgramCall, raise, words } from '../program-module.js';

export const URL_INSTALL = {
  id: 'shell.download_exec',
  summary:
    'Code from the network runs unreviewed: a script piped to a shell, or a package installed straight from a URL (its install scripts run).',
};

const INSTALL = /^(install|i|add|localinstall|reinstall|upgrade)$/;
/** A package archive on some web server; git URLs and registries are how projects pin sources. */
const ARCHIVE_URL =
  /^https?:\/\/(?!(registry\.npmjs\.org|registry\.yarnpkg\.com|files\.pythonhosted\.org|pypi\.org|github\.com\/[^/]+\/[^/]+\/(archive|releases)\/))[^\s]+\.(tgz|tar\.gz|tar\.bz2|zip|whl|egg|deb|rpm|apk|gem|pkg\.tar\.zst)([?#].*)?$|^http:\/\//;

/**
 * `pip install https://host/pkg.tar.gz`, `npm install -g https://host/pkg.tgz`, `apt install
 * ./x.deb` fetched just before: a package installed from an archive on some web server runs its
 * install scripts unreviewed, as `curl | sh` does.
 */
export function describeUrlInstall(call: ProgramCall): void {
  const operands = words(call.args);
  const at = operands.findIndex((word) => INSTALL.test(word));
  if (at < 0 || at > 1) return;
  if (operands.slice(at + 1).some((word) => ARCHIVE_URL.test(word)))
    raise(
      call,
      URL_INSTALL.id,
      'This installs a package straight from a URL, running its install scripts unreviewed.',
    );
}
