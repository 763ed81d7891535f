import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../check/contract/types';
import { parseTlcTrace, printTlcTrace, tlcErrorHeadline } from './tlc-trace';

const TRACES = join(__dirname, '../../../shared/corpus/tlc-traces');
const outputs = readdirSync(TRACES).filter((f) => f.endsWith('.tlc.txt'));

/** TLC's trace text: from `State 1:` to the line before the final statistics. */
function traceText(output: string): string {
  const start = output.indexOf('State 1: ');
  const end = output.search(/^(\d+ states generated|Finished checking temporal)/m);
  return output.slice(start, end);
}

describe('TLC traces', () => {
  it('reads every TLC trace of the corpus and prints it back exactly', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const f of outputs) {
      const output = readFileSync(join(TRACES, f), 'utf8');
      const trace = parseTlcTrace(output);
      expect(trace, f).toBeDefined();
      expect(printTlcTrace(trace as Trace), f).toBe(traceText(output));
    }
  });

  it('reads states, actions with their parameters and locations, and the loop', () => {
    const output = readFileSync(
      join(TRACES, 'FiniteMonotonic__MCDistributedReplicatedLog.tlc.txt'),
      'utf8',
    );
    const trace = parseTlcTrace(output) as Trace;
    expect(trace.vars).toEqual(['cLogs']);
    expect(trace.states).toHaveLength(4);
    expect(trace.loop).toBe(1);
    expect(trace.steps[1]).toEqual({
      action: 'Extend',
      params: [],
      label: 'Extend(n2)',
      range: {
        module: 'DistributedReplicatedLog',
        start: { line: 35, column: 5 },
        end: { line: 38, column: 50 },
      },
    });
    // The closing step of the lasso is kept after the states.
    expect(trace.steps[4].label).toBe('Extend(n2)');
  });

  it('reads a stuttering lasso', () => {
    const output = readFileSync(
      join(TRACES, 'SpecifyingSystems__RealTime__MCRealTimeHourClock.tlc.txt'),
      'utf8',
    );
    const trace = parseTlcTrace(output) as Trace;
    expect(trace.states).toHaveLength(3);
    expect(trace.loop).toBe(2);
    expect(printTlcTrace(trace).endsWith('State 4: Stuttering\n')).toBe(true);
  });

  it('has no trace to read in a successful run', () => {
    expect(parseTlcTrace('Model checking completed. No error has been found.\n')).toBeUndefined();
  });
});

describe("TLC's error headline", () => {
  it('names what the trace violates, from the corpus outputs', () => {
    const dieHard = readFileSync(join(TRACES, 'DieHard__DieHard.tlc.txt'), 'utf8');
    expect(tlcErrorHeadline(dieHard)).toEqual({
      result: 'safety failure',
      violated: 'NotSolved',
      text: 'Invariant NotSolved is violated.',
    });
  });

  it('reads each kind of TLC error, and none in a trace without one', () => {
    const of = (line: string) =>
      tlcErrorHeadline(`${line}\nError: The behavior up to this point is:\n`);
    expect(of('Error: Deadlock reached.')).toMatchObject({ result: 'deadlock failure' });
    expect(of('Error: Temporal properties were violated.')).toMatchObject({
      result: 'liveness failure',
    });
    expect(of('Error: Action property Step of module M is violated.')).toMatchObject({
      violated: 'Step',
    });
    expect(of('Error: Invariant Inv is violated by the initial state:')).toMatchObject({
      violated: 'Inv',
    });
    expect(tlcErrorHeadline('State 1: <Initial predicate>\n/\\ x = 1\n')).toBeUndefined();
  });
});
