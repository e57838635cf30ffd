import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommendedPack } from '../../packs/recommended.js';
import { defineProgram } from './program-module.js';
import { buildProgramRegistry, PROGRAM_MODULES, programModule } from './registry.js';

const here = new URL('.', import.meta.url);

describe('programRegistry', () => {
  it('has every program claimed by exactly one module', () => {
    expect(buildProgramRegistry(PROGRAM_MODULES).problems).toEqual([]);
    expect(programModule('psql')?.name).toBe('database/psql');
    expect(programModule('no-such-program')).toBeUndefined();
  });

  it('reports a program claimed twice and an undocumented finding', () => {
    const first = defineProgram({ name: 'a/one', programs: ['x'], findings: [], describe() {} });
    const second = defineProgram({
      name: 'a/two',
      programs: ['x'],
      findings: [{ id: 'shell.thing', summary: '' }],
      describe() {},
    });
    expect(buildProgramRegistry([first, second]).problems).toEqual([
      'x is claimed by a/one and a/two',
      'a/two: shell.thing is not documented',
    ]);
  });

  it('names each module after its file, with a test beside it', () => {
    for (const module of PROGRAM_MODULES) {
      expect(existsSync(new URL(`${module.name}.ts`, here)), module.name).toBe(true);
      expect(existsSync(new URL(`${module.name}.test.ts`, here)), `${module.name}.test.ts`).toBe(true);
    }
  });

  it('has every finding documented in the README and used by a rule of the recommended pack', () => {
    const readme = readFileSync(new URL('../README.md', here), 'utf8');
    const used = new Set((recommendedPack.rules ?? []).flatMap((rule) => rule.when?.findings ?? []));
    const { findings } = buildProgramRegistry(PROGRAM_MODULES);
    expect(findings.size).toBeGreaterThan(10);
    for (const id of findings.keys()) {
      expect(readme, id).toContain(`\`${id}\``);
      expect(used.has(id), `${id} is used by a pack rule`).toBe(true);
    }
  });

  it('raises only findings its modules declare', () => {
    for (const module of PROGRAM_MODULES) {
      const source = readFileSync(new URL(`${module.name}.ts`, here), 'utf8');
      const declared = new Set(module.findings.map((finding) => finding.id));
      for (const match of source.matchAll(/raise\(call, '([^']+)'/g)) expect(declared).toContain(match[1]);
    }
  });

  it('has an engine case (programs, findings, effect) for every program a module claims', () => {
    const missing: string[] = [];
    for (const module of PROGRAM_MODULES) {
      const source = readFileSync(new URL(`${module.name}.test.ts`, here), 'utf8');
      // Table-driven tests build one case per claimed name from the module itself.
      if (/\b\w+\.programs\.(map|filter)\(|of \w+\.programs\)/.test(source)) continue;
      for (const program of module.programs) {
        const name = program.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (!new RegExp(`command: ['"\`](\\S+ )*${name}[ '"\`]`).test(source))
          missing.push(`${module.name}: ${program}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
