import { type ProgramCall, raise, words } from '../program-module.js';

export const PACKAGE_PUBLISH = {
  id: 'shell.package_publish',
  summary: 'A package, release or container image is published to a registry where others can pull it.',
};

/** A dry run (`npm publish --dry-run`, `cargo publish --dry-run`) publishes nothing. */
const DRY_RUN = /^--(dry-?run|dryrun)(=true)?$/;

/** Raises `shell.package_publish` when the command's words publish (and it is not a dry run). */
export function describePublish(call: ProgramCall, publishes: (operands: string[]) => boolean): void {
  if (call.args.some((arg) => DRY_RUN.test(arg))) return;
  if (publishes(words(call.args))) raise(call, PACKAGE_PUBLISH.id, 'This publishes a package or release.');
}
