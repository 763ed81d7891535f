import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTlcRun, tlcDurationMs, tlcOutputAsText } from './tlc-output';

const TRACES = join(__dirname, '../../../shared/corpus/tlc-traces');
const logs = readdirSync(TRACES).filter((f) => f.endsWith('.tlc.txt'));

/** What TLC 2.20 printed with -tool for a liveness violation (Live.tla: <>(x = 5), x cycles 0..2). */
const LIVE_TOOL = `@!@!@STARTMSG 2262:0 @!@!@
TLC2 Version 2.20 of Day Month 20?? (rev: 96056d9)
@!@!@ENDMSG 2262 @!@!@
@!@!@STARTMSG 2187:0 @!@!@
Running breadth-first search Model-Checking with fp 104 and seed -62 with 3 workers on 4 cores with 5358MB heap and 64MB offheap memory [pid: 1] (Linux amd64, MSBDiskFPSet, DiskStateQueue).
@!@!@ENDMSG 2187 @!@!@
Parsing file /tmp/tlcx/Live.tla
Parsing file /tmp/tlc-65/Naturals.tla (jar:file:/x/tla2tools.jar!/tla2sany/StandardModules/Naturals.tla)
Semantic processing of module Naturals
Semantic processing of module Live
@!@!@STARTMSG 2200:0 @!@!@
Progress(3) at 2026-12-06 14:44:52: 4 states generated (120 s/min), 3 distinct states found (90 ds/min), 0 states left on queue.
@!@!@ENDMSG 2200 @!@!@
@!@!@STARTMSG 2116:1 @!@!@
Temporal properties were violated.

@!@!@ENDMSG 2116 @!@!@
@!@!@STARTMSG 2264:1 @!@!@
The following behavior constitutes a counter-example:

@!@!@ENDMSG 2264 @!@!@
@!@!@STARTMSG 2217:4 @!@!@
1: <Initial predicate>
x = 0

@!@!@ENDMSG 2217 @!@!@
@!@!@STARTMSG 2218:4 @!@!@
2: Stuttering
@!@!@ENDMSG 2218 @!@!@
@!@!@STARTMSG 2267:0 @!@!@
Finished checking temporal properties in 00s at 2026-12-06 14:44:52
@!@!@ENDMSG 2267 @!@!@
@!@!@STARTMSG 2199:0 @!@!@
4 states generated, 3 distinct states found, 0 states left on queue.
@!@!@ENDMSG 2199 @!@!@
@!@!@STARTMSG 2194:0 @!@!@
The depth of the complete state graph search is 3.
@!@!@ENDMSG 2194 @!@!@
@!@!@STARTMSG 2186:0 @!@!@
Finished in 1988ms at (2026-12-06 14:44:52)
@!@!@ENDMSG 2186 @!@!@
`;

/** A TLC run killed before its end (Big.tla, 8 million states): only a progress report. */
const KILLED = `TLC2 Version 2.20 of Day Month 20?? (rev: 96056d9)
Running breadth-first search Model-Checking with fp 1 and seed 1 with 1 worker on 2 cores with 6028MB heap and 64MB offheap memory [pid: 1] (Linux amd64, MSBDiskFPSet, DiskStateQueue).
Parsing file /tmp/tlcx/Big.tla
Semantic processing of module Big
Starting... (2026-12-06 14:44:54)
Computing initial states...
Finished computing initial states: 1 distinct state generated at 2026-12-06 14:44:55.
Progress(104) at 2026-12-06 14:44:58: 547,849 states generated (547,849 s/min), 188,004 distinct states found (188,004 ds/min), 5,388 states left on queue.
`;

describe("TLC's output read back", () => {
  it("reads every corpus log: TLC's verdict, figures, time and module", () => {
    expect(logs.length).toBeGreaterThan(10);
    for (const f of logs) {
      const r = readTlcRun(readFileSync(join(TRACES, f), 'utf8'));
      expect(r.finished, f).toBe(true);
      expect(r.result, f).not.toBe('error');
      expect(r.distinctStates, f).toBeGreaterThan(0);
      expect(r.generatedStates, f).toBeGreaterThanOrEqual(r.distinctStates);
      expect(r.durationMs, f).toBeGreaterThanOrEqual(0);
      expect(r.version, f).toBe('2.20');
      // Logs are named `<folder>__<path>__<Config>.tlc.txt`, and these configs after their module.
      expect(
        f
          .replace(/\.tlc\.txt$/, '')
          .split('__')
          .pop()!
          .startsWith(r.mainModule!),
        f,
      ).toBe(true);
    }
  });

  it("DieHard's log as TLC printed it", () => {
    const r = readTlcRun(readFileSync(join(TRACES, 'DieHard__DieHard.tlc.txt'), 'utf8'));
    expect(r).toMatchObject({
      result: 'safety failure',
      message: 'Error: Invariant NotSolved is violated.',
      distinctStates: 14,
      generatedStates: 73,
      depth: 7,
      queueLeft: 1,
      finished: true,
      mainModule: 'DieHard',
      workers: 1,
    });
  });

  it('reads -tool output as the same run printed plainly', () => {
    const r = readTlcRun(LIVE_TOOL);
    expect(r).toEqual({
      result: 'liveness failure',
      message: 'Error: Temporal properties were violated.',
      distinctStates: 3,
      generatedStates: 4,
      depth: 3,
      queueLeft: 0,
      finished: true,
      durationMs: 1988,
      mainModule: 'Live',
      version: '2.20',
      workers: 3,
    });
    expect(tlcOutputAsText(LIVE_TOOL)).toContain('State 1: <Initial predicate>\nx = 0\n');
    expect(tlcOutputAsText(LIVE_TOOL)).toContain('State 2: Stuttering');
    // Plain text goes through unchanged.
    expect(tlcOutputAsText(KILLED)).toBe(KILLED);
  });

  it('a log cut short has no verdict, and the figures of its last progress report', () => {
    const r = readTlcRun(KILLED);
    expect(r).toMatchObject({
      result: 'error',
      finished: false,
      distinctStates: 188_004,
      generatedStates: 547_849,
      queueLeft: 5_388,
      depth: 104,
      mainModule: 'Big',
    });
    expect(r.durationMs).toBeUndefined();
  });

  it("reads TLC's durations", () => {
    expect(tlcDurationMs('1931ms')).toBe(1931);
    expect(tlcDurationMs('01s')).toBe(1000);
    expect(tlcDurationMs('02min 13s')).toBe(133_000);
    expect(tlcDurationMs('01h 05min')).toBe(3_900_000);
    expect(tlcDurationMs('3d 04h')).toBe(3 * 86_400_000 + 4 * 3_600_000);
    expect(tlcDurationMs('soon')).toBeUndefined();
  });
});
