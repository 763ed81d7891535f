/**
 * Which action atoms of `<>[]A` the workers of a shared search evaluate where they generate the
 * steps (PropertyChecker.atomRows): not those that may print, draw at random or use TLC's
 * registers (Compiler.hasHiddenEffects), which the leader evaluates as one worker does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser, loadModules } from '../../check';
import { buildModel, constantServices, readConfig } from '../../model/setup';
import type { Range } from '../../../tla/ast/ast';
import { PropertyChecker } from './checker';

beforeAll(ensureParser);

const RANGE: Range = { module: 'M', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

const module = (defs: string) => `---- MODULE M ----
EXTENDS Naturals, TLC, TLCExt, Randomization
VARIABLES x
Pure(v) == v' = v + 1
Loud(v) == PrintT(v) /\\ v' = v + 1
Apply(Op(_), v) == Op(v)
I == INSTANCE Inner WITH y <- x
J(z) == INSTANCE Inner WITH y <- z
${defs}
====`;

const inner = `---- MODULE Inner ----
EXTENDS Naturals, TLC
VARIABLE y
Step == y' = y + 1
Shout == PrintT(y) /\\ y' = y + 1
====`;

function request(defs: string, cfg = '') {
  return {
    files: [
      { name: 'M.tla', text: module(defs) },
      { name: 'Inner.tla', text: inner },
    ],
    mainModule: 'M',
    cfg,
  };
}

function parts(defs: string, cfg = '') {
  const req = request(defs, cfg);
  return buildModel(loadModules(req), readConfig(req), constantServices(), 'M');
}

describe('hasHiddenEffects', () => {
  const cases: [string, boolean][] = [
    ["x' = x + 1", false],
    ['Pure(x)', false],
    ['Apply(LAMBDA v : v > 0, x)', false],
    ["LET d == x + 1 IN x' = d", false],
    ['I!Step', false],
    ['J(x)!Step', false],
    ['ToString(x) = "1" /\\ TLCEval(x\') > 0', false],
    ['PrintT(x)', true],
    ['Print(x, TRUE)', true],
    ['Loud(x)', true],
    ['Apply(LAMBDA v : PrintT(v), x)', true],
    ['Apply(Loud, x)', true],
    ['LET d == RandomElement(0..x) IN d > 0', true],
    ['TLCSet(1, x)', true],
    ['TLCGet("level") > 0', true],
    ['TLCGetOrDefault(1, 0) > 0', true],
    ['TLCGetAndSet(1, +, 1, 0) > 0', true],
    ['JavaTime > 0', true],
    ['RandomSubset(1, {x}) = {}', true],
    ['RandomSetOfSubsets(1, 1, {x}) = {}', true],
    ['TestRandomSetOfSubsets(1, 1, {x}) = {}', true],
    ['I!Shout', true],
    ['J(x)!Shout', true],
    ["x' \\in {y \\in 0..3 : PrintT(y)}", true],
  ];
  it.each(cases)('%s: %s', (expr, hidden) => {
    const p = parts(`A == ${expr}`);
    const e = { kind: 'Ident' as const, name: 'A', range: RANGE };
    expect(p.compiler.hasHiddenEffects(e, p.root)).toBe(hidden);
  });
});

describe('the eager atoms of a shared search (atomRows)', () => {
  const eager = (a: string) => {
    // The fairness' <>[][A]_x and <>[][B]_x: the literals whose atoms the workers may evaluate.
    const defs = `A == ${a}\nB == x' > x
Spec == x = 0 /\\ [][Pure(x)]_x /\\ <>[][A]_x /\\ <>[][B]_x
Prop == []<>(x = 3)`;
    const cfg = 'SPECIFICATION Spec\nPROPERTY Prop\n';
    const config = readConfig(request(defs, cfg));
    return new PropertyChecker(parts(defs, cfg), config).atomRows(true)?.width ?? 0;
  };
  it('evaluates the pure ones in the workers, not those that print or draw', () => {
    expect(eager("x' = x + 1")).toBe(2);
    expect(eager("PrintT(x) /\\ x' = x + 1")).toBe(1);
    expect(eager("RandomElement({x}) = x /\\ x' = x + 1")).toBe(1);
  });
});
