import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadQuint } from '.';
import { runQuintTests, type QuintTestResult } from '../check/quint-tests/run';
import { foldOrder } from '../eval/builtins/quint';

const text = readFileSync(new URL('./testdata/runs.qnt', import.meta.url), 'utf8');

function run(
  source: string,
  o: { match?: string; maxSamples?: number; seed?: number } = {},
): QuintTestResult[] {
  const r = runQuintTests([{ name: 'spec.qnt', text: source }], /module (\w+)/.exec(source)![1], {
    seed: o.seed ?? 1,
    maxSamples: o.maxSamples ?? 20,
    match: o.match,
  });
  if (!r.ok) throw new Error(r.message);
  return r.results;
}

describe("Quint's run tests (quint test)", () => {
  beforeAll(loadQuint, 60_000);

  // Verdicts and messages as `quint test --backend typescript` gives them on the same file.
  it('passes and fails the tests as quint test does, with its messages', () => {
    const results = run(text);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['okTest', 'passed'],
      ['expectTest', 'failed'],
      ['nondetTest', 'passed'],
      ['failTest', 'passed'],
      ['assertTest', 'failed'],
      ['falseTest', 'failed'],
      ['pureTest', 'passed'],
    ]);
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('expectTest')!.error!.message).toBe('Expect condition does not hold true');
    expect(byName.get('assertTest')!.error).toMatchObject({
      message: 'Assertion failed',
      range: { start: { line: 13, column: 46 } },
    });
    expect(byName.get('falseTest')!.error!.message).toBe('Test falseTest returned false');
    // The trace of the failing sample: init, inc, inc (the state expect looked at).
    expect(byName.get('expectTest')!.trace!.states.map((s) => s.x)).toEqual([
      { '#bigint': '0' },
      { '#bigint': '1' },
      { '#bigint': '2' },
    ]);
    // A deterministic test runs once; one with random choices runs every sample.
    expect(byName.get('okTest')!.samples).toBe(1);
    expect(byName.get('nondetTest')!.samples).toBe(20);
  });

  it('selects tests by --match and fails a then whose first action is disabled', () => {
    const spec = `module m {
      var x: int
      action init = x' = 0
      action step = any { all { x < 2, x' = x + 1 }, all { x >= 2, x' = 0 } }
      run cycleRun = init.then(3.reps(_ => step)).expect(x == 0)
      run stuckRun = init.then(all { x > 0, step }).then(step)
      run pickRun = { nondet v = Set(1, 2, 3).oneOf() init.then(x' = v).expect(x == v) }
    }`;
    const results = run(spec, { match: 'Run$' });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['cycleRun', 'passed'],
      ['stuckRun', 'failed'],
      ['pickRun', 'passed'],
    ]);
    expect(results[1].error!.message).toMatch(/^Cannot continue in `then`/);
    expect(run(spec, { match: '^cycle' }).map((r) => r.name)).toEqual(['cycleRun']);
  });

  it('samples Int and Nat in a run, never failing to pick', () => {
    const spec = `module s {
      var x: int
      run natTest = { nondet n = Nat.oneOf() (x' = n).expect(x >= 0) }
      run intTest = { nondet n = Int.oneOf() (x' = n).expect(x * 0 == 0) }
    }`;
    const results = run(spec, { maxSamples: 50 });
    expect(results.map((r) => [r.name, r.status, r.samples])).toEqual([
      ['natTest', 'passed', 50],
      ['intTest', 'passed', 50],
    ]);
  });

  // Quint fails on a constant only where one is evaluated ("Uninitialized const"): flattening
  // `import M(C = e) as I` with `export I.*` keeps M's `const C`, which no definition reads.
  it('leaves out a constant no definition reads', () => {
    const spec = `module base {
      const ADDR: Set[str]
      pure def twice(n: int): int = 2 * n
    }
    module inst {
      pure val addr = Set("a", "b")
      import base(ADDR = addr) as I
      export I.*
      var x: int
      action init = x' = twice(1)
      run initTest = init.then(all { assert(x == 2), x' = x })
    }`;
    const r = runQuintTests([{ name: 'spec.qnt', text: spec }], 'inst', {
      seed: 1,
      maxSamples: 5,
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.results.map((t) => [t.name, t.status, t.error?.message])).toEqual([
      ['initTest', 'passed', undefined],
    ]);
    expect(r.lowered!.constants).toEqual([]);
  });

  it("evaluates getOnlyElement, failing with Quint's message on another size", () => {
    const spec = `module g {
      var x: int
      run oneTest = (x' = Set(3).getOnlyElement()).expect(x == 3)
      run twoTest = x' = Set(1, 2).getOnlyElement()
    }`;
    const results = run(spec);
    expect(results.map((r) => [r.name, r.status, r.error?.message])).toEqual([
      ['oneTest', 'passed', undefined],
      [
        'twoTest',
        'failed',
        "Called 'getOnlyElement' on a set with 2 elements. Make sure the set has exactly one element.",
      ],
    ]);
  });

  // Quint: "the order in which the elements are combined is unspecified, so the operator must be
  // associative and commutative or else it has undefined behavior" (builtin.qnt).
  it("finds the set folds whose result depends on the set's order, where asked", () => {
    const spec = `module f {
      var x: int
      run sumTest = (x' = Set(1, 2, 3).fold(0, (acc, y) => acc + y)).expect(x == 6)
      run digitsTest = (x' = Set(1, 2, 3).fold(0, (acc, y) => acc * 10 + y)).expect(x == 123)
    }`;
    foldOrder.probe = true;
    foldOrder.dependent.clear();
    try {
      const results = run(spec);
      // Ours goes through the set in its canonical order: 1, 2, 3.
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['sumTest', 'passed'],
        ['digitsTest', 'passed'],
      ]);
      // Only the second fold, at its 'Set(1, 2, 3).fold(…)'.
      expect([...foldOrder.dependent]).toEqual(['spec.qnt:4:30']);
    } finally {
      foldOrder.probe = false;
      foldOrder.dependent.clear();
    }
  });

  it('evaluates a def or action local to a run inside the actions that use it', () => {
    const spec = `module d {
      var x: int
      action init = x' = 0
      run localDefTest = {
        def inc(n: int): int = n + 1
        init.then(x' = inc(x)).expect(x == 1)
      }
      run localActionTest = {
        action bump = x' = x + 3
        init.then(bump).then(all { bump, x > 0 }).expect(x == 6)
      }
      run nestedTest = {
        nondet k = Set(1, 2).oneOf()
        def addK(n: int): int = n + k
        def twice(n: int): int = addK(addK(n))
        init.then(x' = twice(x)).expect(x == 2 * k)
      }
      run wrongTest = {
        def inc(n: int): int = n + 1
        init.then(x' = inc(x)).expect(x == 2)
      }
    }`;
    // As quint test (0.33.1) on the same file.
    expect(run(spec).map((r) => [r.name, r.status, r.error?.message])).toEqual([
      ['localDefTest', 'passed', undefined],
      ['localActionTest', 'passed', undefined],
      ['nestedTest', 'passed', undefined],
      ['wrongTest', 'failed', 'Expect condition does not hold true'],
    ]);
  });

  it('runs the tests an instance brings into the main module, named as quint test names them', () => {
    const spec = `module base {
      const N: int
      var x: int
      action init = x' = 0
      action step = x' = x + N
      run stepTest = init.then(step).expect(x == 1)
    }
    module one {
      import base(N = 1).*
    }
    module two {
      import base(N = 2).*
    }`;
    const files = [{ name: 'spec.qnt', text: spec }];
    const results = (main: string): [string, string][] => {
      const r = runQuintTests(files, main, { seed: 1, maxSamples: 5 });
      if (!r.ok) throw new Error(r.message);
      return r.results.map((t) => [t.name, t.status]);
    };
    // As quint test (0.33.1) --main one / --main two on the same file.
    expect(results('one')).toEqual([['one::base::stepTest', 'passed']]);
    expect(results('two')).toEqual([['two::base::stepTest', 'failed']]);
  });
});
