import { type ProgramCall, raise, words } from '../program-module.js';

export const SOURCE_REDIRECT = {
  id: 'shell.source_redirect',
  summary:
    'Where packages or repositories come from is redirected (npm/pnpm/yarn registry, pip index-url, git url.<x>.insteadOf): every later install or clone fetches from there.',
};

/** The settings that name a package source. */
const SOURCE_KEY =
  /^(registry|@[\w-]+:registry|npmRegistryServer|global\.index-url|global\.extra-index-url|install\.index-url|install\.extra-index-url|index-url|extra-index-url|url\..+\.insteadof|url\..+\.pushinsteadof)$/i;
/** Registries everyone uses; pointing back at them is not a redirect. */
const KNOWN_REGISTRY =
  /^https:\/\/(registry\.npmjs\.org|registry\.yarnpkg\.com|registry\.npmmirror\.com|pypi\.org\/simple|npm\.pkg\.github\.com)\/?$/;

/**
 * `npm config set registry URL`, `pip config set global.index-url URL`, `git config --global
 * url.<x>.insteadOf <y>`: the place every later install or clone fetches from is changed, so one
 * command line plants code in all that follow. Setting a known public registry back is not.
 */
export function describeSourceRedirect(call: ProgramCall): void {
  const operands = words(call.args);
  const at = operands.findIndex((word) => word === 'set' || word === 'config');
  if (at < 0) return;
  // `npm config set K V`, `npm set K V`, `pip config set K V`, `git config K V`, `K=V` forms.
  const rest = operands.slice(operands[at] === 'config' && operands[at + 1] === 'set' ? at + 2 : at + 1);
  let key = rest[0];
  let value = rest[1];
  if (key?.includes('=') && !key.startsWith('url.'))
    [key, value] = [key.slice(0, key.indexOf('=')), key.slice(key.indexOf('=') + 1)];
  if (key === undefined || value === undefined || !SOURCE_KEY.test(key)) return;
  if (KNOWN_REGISTRY.test(value)) return;
  raise(
    call,
    SOURCE_REDIRECT.id,
    `This redirects ${key} to ${value.slice(0, 80)}: later installs fetch from there.`,
  );
}
