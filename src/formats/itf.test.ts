import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../check/contract/types';
import { fromItfValue, itfToTrace, toItfValue, traceToItf } from './itf';
import { parseTlcTrace } from './tlc-trace';
import type { TraceValue } from '../trace/value';

const int = (n: number): TraceValue => ({ '#bigint': String(n) });

const trace: Trace = {
  vars: ['x', 'procs', 'log'],
  states: [
    { x: int(0), procs: { '#set': [{ '#mv': 'p1' }] }, log: [] },
    { x: int(1), procs: { '#set': [] }, log: [{ op: 'w', v: int(2) }] },
  ],
  steps: [
    { action: 'Init', params: [], label: 'Init' },
    {
      action: 'Step',
      params: [
        { name: 'p', value: { '#mv': 'p1' } },
        { name: 'q', value: int(3), bound: true },
      ],
      label: 'Step(p1)',
      choice: { index: 1, of: 4 },
    },
  ],
  loop: 0,
};

describe('ITF', () => {
  it('writes the ITF shape: #tup for sequences, #unserializable for model values, index in #meta', () => {
    const itf = traceToItf(trace, { source: 'Spec.tla' });
    expect(itf['#meta']).toMatchObject({ format: 'ITF', source: 'Spec.tla' });
    expect(itf.vars).toEqual(['x', 'procs', 'log']);
    expect(itf.loop).toBe(0);
    expect(itf.states[1]).toEqual({
      '#meta': {
        index: 1,
        action: 'Step',
        label: 'Step(p1)',
        params: { p: { '#unserializable': 'p1' }, q: { '#bigint': '3' } },
        bound: ['q'],
        choice: { index: 1, of: 4 },
      },
      x: { '#bigint': '1' },
      procs: { '#set': [] },
      log: { '#tup': [{ op: 'w', v: { '#bigint': '2' } }] },
    });
    expect(itf.states[0].procs).toEqual({ '#set': [{ '#unserializable': 'p1' }] });
  });

  it('round-trips a trace, with its steps as data', () => {
    const back = itfToTrace(JSON.parse(JSON.stringify(traceToItf(trace))));
    expect(back.states).toEqual(trace.states);
    expect(back.vars).toEqual(trace.vars);
    expect(back.loop).toBe(0);
    expect(back.steps.map((s) => s.label)).toEqual(['Init', 'Step(p1)']);
    expect(back.steps[1]).toEqual({ ...trace.steps[1], range: undefined });
  });

  it('reads sequences as JSON arrays or #tup, integers as #bigint or JSON numbers, and #map', () => {
    expect(fromItfValue([1, { '#tup': [true] }])).toEqual([int(1), [true]]);
    expect(fromItfValue({ '#map': [[1, 'a']] })).toEqual({ '#map': [[int(1), 'a']] });
    expect(() => fromItfValue({ '#foo': 1 } as never)).toThrow('unsupported ITF value #foo');
    expect(() => fromItfValue(1.5)).toThrow('not an integer: 1.5');
  });

  it('round-trips every value of a TLC trace of the corpus', () => {
    const output = readFileSync(
      join(
        __dirname,
        '../../../shared/corpus/tlc-traces/FiniteMonotonic__MCDistributedReplicatedLog.tlc.txt',
      ),
      'utf8',
    );
    const tlc = parseTlcTrace(output) as Trace;
    for (const state of tlc.states) {
      for (const v of Object.values(state)) expect(fromItfValue(toItfValue(v))).toEqual(v);
    }
  });
});
