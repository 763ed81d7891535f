/** TLC's `-dumpTrace json` files from the corpus, read next to TLC's printed traces of the same runs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../scripts/conformance/corpus';
import { isTlcDumpTrace, tlcDumpTraceToTrace } from './tlc-dump-trace';
import { parseTlcTrace } from './tlc-trace';

const DIR = join(CORPUS, 'tlc-traces');
const dumps = readdirSync(DIR).filter((n) => n.endsWith('.trace.json'));

describe('TLC -dumpTrace json', () => {
  it('the corpus has dumps to read', () => expect(dumps.length).toBeGreaterThanOrEqual(3));

  for (const name of dumps) {
    it(`${name}: as TLC's printed trace of the run (a lasso: a loop too)`, () => {
      const json = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
      expect(isTlcDumpTrace(json)).toBe(true);
      const trace = tlcDumpTraceToTrace(json);
      const printed = parseTlcTrace(
        readFileSync(join(DIR, name.replace(/\.trace\.json$/, '.tlc.txt')), 'utf8'),
      )!;
      expect(trace.vars).toEqual(printed.vars);
      expect(trace.loop === undefined).toBe(printed.loop === undefined);
      // A liveness counterexample may differ from run to run; safety ones are TLC's shortest.
      if (printed.loop !== undefined) return;
      expect(trace.states).toHaveLength(printed.states.length);
      expect(trace.steps.slice(1).map((s) => s.action)).toEqual(
        printed.steps.slice(1).map((s) => s.action),
      );
    });
  }

  it('keeps the bound parameters TLC records in the context, and a lasso’s closing step', () => {
    const json = JSON.parse(
      readFileSync(join(DIR, 'FiniteMonotonic__MCDistributedReplicatedLog.trace.json'), 'utf8'),
    );
    const trace = tlcDumpTraceToTrace(json);
    expect(trace.steps[1]).toMatchObject({
      action: 'Extend',
      params: [{ name: 'i', value: 'n1' }],
    });
    expect(trace.loop).toBe(1);
    expect(trace.steps[trace.states.length]).toMatchObject({ action: 'Copy' });
  });

  it('tells an ITF file from a dump', () => {
    expect(isTlcDumpTrace({ vars: ['x'], states: [] })).toBe(false);
    expect(() => tlcDumpTraceToTrace({ state: [[1, 'x']] })).toThrow(/state 1/);
  });
});
