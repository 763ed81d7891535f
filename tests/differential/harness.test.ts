/**
 * The differential harness's own pieces, without TLC: reading TLC's printed values and its output
 * (warnings in between, long values broken over lines), the judge's classes, and the generators'
 * reproducibility (expression i of a seed does not depend on how many are asked).
 */
import { describe, expect, it } from 'vitest';
import { parseRunOutput } from '../../scripts/differential/batch';
import { judge } from '../../scripts/differential/compare';
import { generateCases } from '../../scripts/differential/run-exprs';
import { generateSpec } from '../../scripts/differential/spec-gen';
import { keyOf, orderDifference, parseTlcValue, show } from '../../scripts/differential/values';
import { judgeSpec, parseTlcResult } from '../../scripts/differential/run-specs';

const MV = new Set(['m1', 'm2', 'm3']);

describe('TLC values', () => {
  it('reads every kind TLC prints, intervals expanded, functions as pairs', () => {
    const v = parseTlcValue(
      '<<1..3, {m1, "a\\"b\\\\c\\n"}, [a |-> TRUE, b |-> -2], (2 :> <<>> @@ 3 :> {})>>',
      MV,
    );
    expect(show(v)).toBe(
      '<<{1, 2, 3}, {m1, "a\\"b\\\\c\\n"}, [a |-> TRUE, b |-> -2], (2 :> <<>> @@ 3 :> {})>>',
    );
  });

  it('keeps what it cannot enumerate as text', () => {
    expect(parseTlcValue('Seq({1})', MV)).toEqual({ k: 'sym', text: 'Seq({1})' });
  });

  it('equal values have equal keys whatever the order; the order check sees the order', () => {
    const a = parseTlcValue('{"b", "a"}', MV);
    const b = parseTlcValue('{"a", "b"}', MV);
    expect(keyOf(a)).toBe(keyOf(b));
    expect(orderDifference(a, b)).toMatch(/TLC lists/);
    // A tuple, a record and a function are all functions.
    expect(keyOf(parseTlcValue('<<5>>', MV))).toBe(keyOf(parseTlcValue('(1 :> 5)', MV)));
    expect(keyOf(parseTlcValue('[a |-> 1]', MV))).toBe(keyOf(parseTlcValue('("a" :> 1)', MV)));
  });
});

describe("TLC's output", () => {
  it('splits items, skipping warnings and joining values broken over lines', () => {
    const out = [
      '<<1, 3>>',
      '<<1, "@@done">>',
      'Warning: The EXCEPT was applied to non-existing fields of the value at',
      'line 5, col 1 to line 5, col 9 of module X',
      '<<2, "@@done">>',
      '<< 3,',
      '   [ a |-> <<4, -38>>,',
      '     b |-> ("" :> 3) ] >>',
      '<<3, "@@done">>',
      'Computing initial states...',
    ].join('\n');
    const r = parseRunOutput(out, MV);
    expect(r.done).toEqual([1, 2, 3]);
    expect(r.values.get(1)).toBe('3');
    expect(r.values.has(2)).toBe(false);
    expect(show(parseTlcValue(r.values.get(3)!, MV))).toBe('[a |-> <<4, -38>>, b |-> ("" :> 3)]');
  });

  it('finds the assumption that stopped TLC', () => {
    const r = parseRunOutput(
      '<<1, "@@done">>\nError: Evaluating assumption line 6, col 8 to line 6, col 20 of module X failed.\nboom\n',
      MV,
    );
    expect(r.stopped?.line).toBe(6);
  });

  it("reads a model's verdict and figures", () => {
    const out = [
      'Error: Invariant Inv is violated by the initial state:',
      'x = 1',
      '',
      '2 states generated, 1 distinct states found, 0 states left on queue.',
    ].join('\n');
    expect(parseTlcResult(out)).toMatchObject({
      result: 'safety failure',
      violated: 'Inv',
      traceLength: 1,
      distinctStates: 1,
    });
  });
});

describe('judging', () => {
  const value = (text: string) => ({
    kind: 'value' as const,
    text,
    value: parseTlcValue(text, MV),
  });
  it('sorts disagreements into classes', () => {
    const ours = (text: string, printed = text) => ({
      kind: 'value' as const,
      value: parseTlcValue(text, MV),
      printed,
    });
    expect(judge(value('{1, 2}'), ours('{1, 2}'))).toEqual({ agree: true, how: 'value' });
    expect(judge(value('{1, 2}'), ours('{1, 3}'))).toMatchObject({ agree: false, cls: 'value' });
    expect(judge({ kind: 'error' }, ours('FALSE'))).toMatchObject({
      agree: false,
      cls: 'we-accept',
    });
    expect(judge(value('FALSE'), { kind: 'error', message: 'x' })).toMatchObject({
      agree: false,
      cls: 'we-fail',
    });
    expect(judge(value('{"b", "a"}'), ours('{"a", "b"}'))).toMatchObject({
      agree: false,
      cls: 'order',
    });
    expect(judge(value('1..2'), ours('{1, 2}'))).toMatchObject({ agree: false, cls: 'print' });
    // TLC's layout of a long value (line breaks, spaces inside brackets) is not a difference.
    expect(judge(value('[ a |-> 1,\n  b |-> 2 ]'), ours('[a |-> 1, b |-> 2]'))).toEqual({
      agree: true,
      how: 'value',
    });
    expect(judge({ kind: 'timeout' }, ours('1'))).toMatchObject({ skipped: true });
  });

  it("holds a spec to TLC's states generated and distinct, at a violation too", () => {
    const tlc = { result: 'safety failure' as const, generatedStates: 31, distinctStates: 12 };
    expect(judgeSpec(tlc, { ...tlc, traceLength: undefined })).toMatchObject({ agree: true });
    expect(judgeSpec(tlc, { ...tlc, generatedStates: 16 })).toMatchObject({
      agree: false,
      cls: 'counts',
    });
    const ok = { result: 'success' as const, generatedStates: 9, distinctStates: 4, depth: 3 };
    expect(judgeSpec(ok, ok)).toMatchObject({ agree: true });
    expect(judgeSpec(ok, { ...ok, distinctStates: 5 })).toMatchObject({ cls: 'counts' });
    // An error's figures are where each checker happened to stop: not compared.
    expect(
      judgeSpec({ result: 'error', generatedStates: 5 }, { result: 'error', generatedStates: 26 }),
    ).toMatchObject({ agree: true });
  });
});

describe('generators', () => {
  it('expression i of a seed is the same whatever the count', () => {
    const few = generateCases(7, 20, 4);
    const many = generateCases(7, 60, 4);
    expect(many.slice(0, 20)).toEqual(few);
    expect(new Set(many.map((c) => c.expr)).size).toBeGreaterThan(50);
  });

  it('spec i of a seed is the same in every run', () => {
    expect(generateSpec(3, 5)).toEqual(generateSpec(3, 5));
    expect(generateSpec(3, 5).tla).not.toBe(generateSpec(3, 6).tla);
  });

  it('gives actions the forms TLC enumerates, with names that do not clash', () => {
    const texts = Array.from({ length: 200 }, (_, i) => generateSpec(5, i).tla).join('\n');
    for (const form of ["' \\in {", 'THEN v', '-> v', '=> v', '\\E nv', 'LET nv', 'Step', 'Holds'])
      expect(texts, form).toContain(form);
    // Names bound inside expressions carry a tag: no p1 or v1 beside the spec's constants and
    // variables of those names.
    expect(texts).not.toMatch(/\\[AE] (p|v)\d+ \\in/);
    expect(texts).not.toMatch(/LET (F|Op|R)\d+/);
  });
});
