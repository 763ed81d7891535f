import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTexts, loadParser, moduleText } from '../../../tests/frontend/support';
import type { Expr, Module, Unit } from './ast';
import { walkExpr, unitExprs } from './ast-walk';
import { type Declaration, declarationOf, declarationsOf, refOf, resolveNames } from './names';

beforeAll(loadParser);

const M = moduleText(
  'M',
  [
    'EXTENDS Naturals',
    'CONSTANT N',
    'VARIABLE x',
    'Apply(F(_), v) == F(v)',
    'Op(a) == LET y == a + N',
    '             g[i \\in 1..N] == IF i = 1 THEN 1 ELSE g[i - 1]',
    "         IN \\E z \\in 1..y, <<u, w>> \\in {<<1, 2>>} : x' = [x EXCEPT ![z] = @ + g[u] + w]",
    'L == Apply(LAMBDA p : p + 1, 2)',
    '---- MODULE Inner ----',
    'K == N',
    '====',
  ].join('\n'),
);

function moduleM(): Module {
  const analysis = analyzeTexts('M', { M });
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const m = analysis.modules.get('M')!;
  resolveNames(m);
  return m;
}

function unit(m: Module, name: string): Extract<Unit, { kind: 'OpDef' }> {
  const u = m.units.find((x) => x.kind === 'OpDef' && x.name === name);
  if (!u || u.kind !== 'OpDef') throw new Error(`no ${name}`);
  return u;
}

/** Every name occurrence below `u` with what it refers to, by spelling. */
function occurrences(u: Unit): Map<string, Declaration[]> {
  const out = new Map<string, Declaration[]>();
  for (const root of unitExprs(u)) {
    walkExpr(root, (e: Expr) => {
      const name =
        e.kind === 'Ident' || e.kind === 'OpApp' || e.kind === 'OpRef'
          ? e.name
          : e.kind === 'At'
            ? '@'
            : undefined;
      if (name === undefined) return;
      const d = refOf(e);
      expect(d, `${name} at line ${e.range.start.line}`).toBeDefined();
      out.set(name, [...(out.get(name) ?? []), d!]);
    });
  }
  return out;
}

describe('the names phase', () => {
  it('resolves each local name to its own declaration, one object for all its occurrences', () => {
    const m = moduleM();
    const op = unit(m, 'Op');
    const refs = occurrences(op);
    const only = (name: string) => {
      const ds = refs.get(name)!;
      expect(new Set(ds).size, name).toBe(1);
      return ds[0];
    };
    expect(only('a')).toBe(declarationOf(op.params[0]));
    expect(only('a')).toMatchObject({ kind: 'param', name: 'a', arity: 0 });

    const let_ = op.body;
    if (let_.kind !== 'Let') throw new Error('LET expected');
    const [y, g] = let_.defs;
    expect(only('y')).toEqual({ kind: 'let', name: 'y', unit: y });
    expect(only('y')).toBe(declarationOf(y));
    // `g` inside its own body and in the LET's body: the same definition.
    expect(refs.get('g')).toHaveLength(2);
    expect(only('g')).toMatchObject({ kind: 'let', unit: g });

    if (g.kind !== 'FcnDef') throw new Error('FcnDef expected');
    expect(only('i')).toBe(declarationsOf(g.bounds[0].pattern)[0]);
    expect(only('i')).toMatchObject({ kind: 'bound', name: 'i' });

    const quant = let_.body;
    if (quant.kind !== 'Quant') throw new Error('\\E expected');
    expect(only('z')).toBe(declarationsOf(quant.bounds[0].pattern)[0]);
    // A tuple pattern declares each of its names.
    expect(declarationsOf(quant.bounds[1].pattern).map((d) => d.name)).toEqual(['u', 'w']);
    expect(only('u')).toBe(declarationsOf(quant.bounds[1].pattern)[0]);
    expect(only('w')).toBe(declarationsOf(quant.bounds[1].pattern)[1]);
    expect(only('@')).toMatchObject({ kind: 'at', name: '@' });
  });

  it("resolves the module's names to one `module` declaration each, with the unit that declares it", () => {
    const m = moduleM();
    const refs = occurrences(unit(m, 'Op'));
    const constants = m.units.find((u) => u.kind === 'Constants');
    const variables = m.units.find((u) => u.kind === 'Variables');
    expect(refs.get('N')![0]).toEqual({ kind: 'module', name: 'N', unit: constants });
    expect(refs.get('x')).toHaveLength(2);
    expect(new Set(refs.get('x')).size).toBe(1);
    expect(refs.get('x')![0]).toEqual({ kind: 'module', name: 'x', unit: variables });
    // A built-in or a name from an extended module: linked when the model is built.
    expect(refs.get('+')![0]).toEqual({ kind: 'module', name: '+', unit: undefined });
    expect(refs.get('..')![0]).toMatchObject({ kind: 'module', name: '..' });
  });

  it('resolves operator parameters, LAMBDA parameters and nested modules', () => {
    const m = moduleM();
    const apply = unit(m, 'Apply');
    const refs = occurrences(apply);
    expect(refs.get('F')![0]).toBe(declarationOf(apply.params[0]));
    expect(refs.get('F')![0]).toMatchObject({ kind: 'param', arity: 1 });

    const l = unit(m, 'L');
    const lambda = l.body.kind === 'OpApp' ? l.body.args[0] : undefined;
    if (lambda?.kind !== 'Lambda') throw new Error('LAMBDA expected');
    expect(occurrences(l).get('p')![0]).toBe(declarationsOf(lambda)[0]);

    const inner = m.units.find((u) => u.kind === 'Submodule');
    if (inner?.kind !== 'Submodule') throw new Error('submodule expected');
    expect(occurrences(unit(inner.module, 'K')).get('N')![0]).toMatchObject({
      kind: 'module',
      name: 'N',
      unit: undefined, // Inner does not declare N itself
    });
  });

  it('runs once per module object', () => {
    const m = moduleM();
    const op = unit(m, 'Op');
    const before = declarationOf(op.params[0]);
    resolveNames(m);
    expect(declarationOf(op.params[0])).toBe(before);
  });
});
