import { describe, expect, it } from 'vitest';
import type { SimulateResult, Trace } from '../../check/contract/types';
import { simulationAsCheckResult } from './simulationResult';

const trace: Trace = {
  vars: ['x'],
  states: [{ x: { '#bigint': '0' } }, { x: { '#bigint': '1' } }],
  steps: [
    { action: 'Init', params: [], label: 'Initial predicate' },
    { action: 'Inc', params: [], label: 'Inc' },
  ],
};

describe('simulationAsCheckResult', () => {
  it('carries the verdict, the trace and the output, and claims no distinct-state count', () => {
    const sim: SimulateResult = {
      result: 'safety failure',
      seed: 7,
      behaviours: 3,
      steps: 20,
      generatedStates: 55,
      durationMs: 12,
      behaviour: 2,
      violated: 'Small',
      trace,
      failures: 1,
      output: ['hello'],
    };
    expect(simulationAsCheckResult(sim)).toEqual({
      result: 'safety failure',
      distinctStates: 0,
      generatedStates: 55,
      depth: 2,
      durationMs: 12,
      queueLeft: 0,
      output: ['hello'],
      violated: 'Small',
      trace,
    });
  });
});
