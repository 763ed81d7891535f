/**
 * Library modules' operators: every native or unsupported entry names a public definition of its
 * module with the same arity, and a spec that extends library modules gets the native operators
 * where the module's TLA+ text is a placeholder (Naturals' `Nat == { }`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel, ensureParser } from '../../check/check';
import { parseModuleText } from '../../tla/parse/parser';
import { libraryFile, libraryModuleNames } from '../../tla/library';
import { builtinTable } from './index';
import { LIBRARY_NATIVES } from './library';

beforeAll(ensureParser);

function definitions(module: string): Map<string, number> {
  const m = parseModuleText(libraryFile(module)!.text, `${module}.tla`).module!;
  const out = new Map<string, number>();
  for (const u of m.units) {
    if (u.kind === 'OpDef' && !u.local) out.set(u.name, u.params.length);
    if (u.kind === 'FcnDef' && !u.local) out.set(u.name, 0);
  }
  return out;
}

async function check(body: string, cfg = 'INIT Init\nNEXT Next\n') {
  const text = `---- MODULE M ----\n${body}\nVARIABLE x\nInit == x = 0\nNext == UNCHANGED x\n====`;
  return checkModel({ files: [{ name: 'M.tla', text }], mainModule: 'M', cfg, cfgName: 'M.cfg' });
}

describe('library natives', () => {
  it('name definitions of their modules, with the same arity', () => {
    const problems: string[] = [];
    for (const entry of LIBRARY_NATIVES) {
      const defs = definitions(entry.module);
      for (const n of entry.native) {
        const b = typeof n === 'string' ? builtinTable().get(n) : n;
        const name = typeof n === 'string' ? n : n.name;
        if (!b) problems.push(`${entry.module}!${name}: no such built-in`);
        else if (defs.get(name) !== b.arity)
          problems.push(`${entry.module}!${name}: arity ${b.arity}, definition ${defs.get(name)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sort every public definition of every library module exactly once', () => {
    const problems: string[] = [];
    const listed = new Set(LIBRARY_NATIVES.map((e) => e.module));
    for (const module of libraryModuleNames())
      if (!listed.has(module)) problems.push(`${module}: not sorted`);
    for (const entry of LIBRARY_NATIVES) {
      const defs = definitions(entry.module);
      if (entry.tla?.includes('*')) {
        // The TLAPS library: every definition from its text, none native.
        if (entry.native.length > 0 || entry.unsupported)
          problems.push(`${entry.module}: a TLAPS module with natives`);
        continue;
      }
      const named = [
        ...entry.native.map((n) => (typeof n === 'string' ? n : n.name)),
        ...(entry.tla ?? []),
        ...Object.keys(entry.unsupported ?? {}),
      ];
      const seen = new Set<string>();
      for (const n of named) {
        if (seen.has(n)) problems.push(`${entry.module}!${n}: sorted twice`);
        seen.add(n);
        if (!defs.has(n))
          problems.push(`${entry.module}!${n}: not a public definition of the module`);
      }
      for (const d of defs.keys())
        if (!seen.has(d)) problems.push(`${entry.module}!${d}: not sorted`);
    }
    expect(problems).toEqual([]);
  });

  it('a spec with no library path gets Naturals, Bags, SequencesExt and Functions', async () => {
    const r = await check(
      [
        'EXTENDS Naturals, Bags, SequencesExt, Functions',
        'ASSUME 5 \\in Nat /\\ 2 + 3 = 5 /\\ 7 \\div 2 = 3',
        'ASSUME BagToSet(SetToBag({1, 2}) (+) SetToBag({2})) = {1, 2}',
        'ASSUME CopiesIn(2, SetToBag({1, 2}) (+) SetToBag({2})) = 2',
        'ASSUME Range(<<3, 4, 3>>) = {3, 4} /\\ ToSet(<<1, 1>>) = {1}',
      ].join('\n'),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toBe('success');
    expect(r.distinctStates).toBe(1);
  });

  it('a false assumption about a library operator is reported', async () => {
    const r = await check('EXTENDS Bags\nASSUME BagCardinality(SetToBag({1, 2})) = 3');
    expect(r.result).toBe('assumption failure');
  });

  it('a placeholder that cannot be evaluated says so, never evaluates its TLA+ text', async () => {
    const r = await check('EXTENDS Reals\nASSUME Infinity > 3');
    expect(r.result).toBe('error');
    expect(r.error?.message).toMatch(
      /Infinity of the module Reals cannot be evaluated by specstage: TLC has no real numbers/,
    );
  });
});
