import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../check/contract/types';
import { parseTraceFile, traceFileText } from './traceFiles';

const lasso: Trace = {
  vars: ['x', 'msgs'],
  states: [
    { x: { '#bigint': '0' }, msgs: { '#set': [] } },
    { x: { '#bigint': '1' }, msgs: { '#set': [{ type: 'ack' }] } },
  ],
  steps: [
    { action: 'Init', params: [], label: 'Initial predicate' },
    { action: 'Tick', params: [], label: 'Tick' },
  ],
  loop: 0,
};

describe('trace files', () => {
  it('round-trips a lasso through ITF and through TLC text', () => {
    for (const format of ['itf', 'tlc'] as const) {
      const back = parseTraceFile(traceFileText(lasso, format));
      expect(back.states).toEqual(lasso.states);
      expect(back.loop).toBe(0);
      expect(back.steps[1].label).toBe('Tick');
    }
  });

  it('puts the values of an opened file in canonical order', () => {
    const itf = {
      vars: ['s'],
      states: [{ s: { '#set': [{ '#bigint': '2' }, { '#bigint': '1' }] } }],
    };
    expect(parseTraceFile(JSON.stringify(itf)).states[0].s).toEqual({
      '#set': [{ '#bigint': '1' }, { '#bigint': '2' }],
    });
  });

  it('says why a file is not a trace', () => {
    expect(() => parseTraceFile('{ nope')).toThrow(/not valid JSON/);
    expect(() => parseTraceFile('hello')).toThrow(/neither an ITF trace/);
    expect(() => parseTraceFile('{"vars": 1}')).toThrow(/vars/);
  });
});
