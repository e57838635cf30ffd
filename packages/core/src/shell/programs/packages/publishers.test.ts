import { describe } from 'vitest';
import { itDecides } from '../program-test.js';

describe('packages/publishers', () => {
  itDecides([
    { command: 'twine check dist/*', effect: 'allow' },
    { command: 'twine upload dist/*', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'cargo build --release', effect: 'allow' },
    { command: 'cargo publish --dry-run', effect: 'allow' },
    { command: 'cargo publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'gem push pkg-1.0.gem', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'poetry publish --build', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'poetry install', effect: 'allow' },
    { command: 'flit publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'hatch publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'uv publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'uv sync', effect: 'allow' },
    { command: 'dotnet nuget push pkg.nupkg', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'dotnet test', effect: 'allow' },
    { command: 'nuget delete Pkg 1.0.0', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'pod trunk push Lib.podspec', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'vsce package', effect: 'allow' },
    { command: 'vsce publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'ovsx publish ext.vsix', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'changeset version', effect: 'allow' },
    { command: 'changeset publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'lerna publish from-package', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'jsr publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'deno publish --dry-run', effect: 'allow' },
    { command: 'deno publish', effect: 'ask', findings: ['shell.package_publish'] },
  ]);
});
