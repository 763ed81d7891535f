import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunFile, readTraceFile } from './trace-file';

const TRACES = join(__dirname, '../../../shared/corpus/tlc-traces');
const corpus = (name: string) => readFileSync(join(TRACES, name), 'utf8');
/** TLC 2.20's output on the app's DieHard example, recorded as it printed it. */
const testdata = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');

describe('files brought back from TLC', () => {
  it("TLC's plain log: its run and its trace", () => {
    const r = readRunFile(corpus('DieHard__DieHard.tlc.txt'));
    expect(r.kind).toBe('tlc-text');
    expect(r.tlc).toMatchObject({
      result: 'safety failure',
      distinctStates: 14,
      depth: 7,
      finished: true,
    });
    expect(r.trace?.states).toHaveLength(7);
    expect(r.headline).toMatchObject({ result: 'safety failure', violated: 'NotSolved' });
  });

  it("TLC's -tool output: the same run and trace", () => {
    const tool = testdata('DieHard.tlc-tool.txt');
    const r = readRunFile(tool);
    expect(r.tlc).toMatchObject({
      result: 'safety failure',
      distinctStates: 14,
      generatedStates: 73,
      depth: 7,
      queueLeft: 1,
      finished: true,
      durationMs: 1931,
      mainModule: 'DieHard',
    });
    expect(r.trace?.states).toHaveLength(7);
    expect(r.trace?.steps[1]).toMatchObject({ action: 'FillBig' });
    expect(r.trace?.states[6]).toEqual({ big: { '#bigint': '4' }, small: { '#bigint': '3' } });
    expect(r.headline).toMatchObject({ violated: 'NotSolved' });
    // The CLI's reader (specstage trace) takes -tool output too.
    expect(readTraceFile(tool).trace).toEqual(r.trace);
  });

  it('a run that found no error has no trace, and its verdict is kept', () => {
    const r = readRunFile(testdata('DieHard-no-invariant.tlc.txt'));
    expect(r.trace).toBeUndefined();
    expect(r.tlc).toMatchObject({
      result: 'success',
      distinctStates: 16,
      generatedStates: 97,
      depth: 8,
      queueLeft: 0,
      finished: true,
      durationMs: 2000,
    });
  });

  it('a bare trace, ITF or -dumpTrace json is a trace without a run', () => {
    const bare =
      'Error: Invariant Inv is violated.\nError: The behavior up to this point is:\nState 1: <Initial predicate>\nx = 1\n\n';
    const r = readRunFile(bare);
    expect(r.tlc).toBeUndefined();
    expect(r.headline).toMatchObject({ violated: 'Inv' });
    expect(r.trace?.states).toHaveLength(1);
    const json = readRunFile(corpus('DieHard__DieHard.trace.json'));
    expect(json).toMatchObject({ kind: 'tlc-json' });
    expect(json.tlc).toBeUndefined();
    expect(json.trace?.states.length).toBeGreaterThan(1);
    expect(() => readRunFile('hello')).toThrow(/neither an ITF trace/);
  });
});
