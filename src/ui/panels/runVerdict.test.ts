import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../check/contract/types';
import { shownVerdict } from './runVerdict';

const base: CheckResult = {
  result: 'success',
  distinctStates: 14,
  generatedStates: 73,
  depth: 7,
  durationMs: 90,
  queueLeft: 0,
  output: [],
};

describe('shownVerdict', () => {
  it('is a pass only for a search that finished and checked everything', () => {
    expect(shownVerdict(base)).toMatchObject({ tone: 'pass', headline: 'No error found' });
  });

  it('never calls a stopped run a pass, whatever the engine answered', () => {
    const cancelled = shownVerdict({ ...base, stopped: 'cancelled', queueLeft: 1200, depth: 4321 });
    expect(cancelled.tone).toBe('stopped');
    expect(cancelled.headline).toBe('Not finished: cancelled');
    expect(cancelled.caveats.join(' ')).toContain(
      '1,200 states found were left unexplored, and nothing beyond depth 4,321 was searched',
    );
    const budget = shownVerdict({ ...base, stopped: 'memory budget', queueLeft: 1 });
    expect(budget).toMatchObject({
      tone: 'stopped',
      headline: 'Not finished: memory budget reached',
    });
    expect(budget.caveats.join(' ')).toContain('1 state found was left unexplored');
  });

  it('keeps a violation found before a stop a violation', () => {
    const v = shownVerdict({
      ...base,
      result: 'safety failure',
      violated: 'Inv',
      stopped: 'cancelled',
    });
    expect(v).toMatchObject({ tone: 'fail', short: 'Inv violated' });
  });

  it('says a simulation or a partly checked run is only partial', () => {
    expect(shownVerdict(base, { simulation: { behaviours: 1000 } })).toMatchObject({
      tone: 'partial',
      headline: 'No error in 1,000 random behaviours',
    });
    expect(shownVerdict({ ...base, uncheckedProperties: ['Live'] })).toMatchObject({
      tone: 'partial',
      headline: 'No error found in what was checked',
    });
  });

  it('reports errors and deadlocks in their words', () => {
    expect(shownVerdict({ ...base, result: 'error' }).tone).toBe('error');
    expect(shownVerdict({ ...base, result: 'deadlock failure', violated: 'deadlock' }).short).toBe(
      'Deadlock reached',
    );
  });
});
