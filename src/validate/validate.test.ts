/**
 * What validate does beyond replaying full states: partial states, the mapping (field names,
 * value tables, action names), unlogged and stuttering events, logs of several processes merged
 * by vector clocks or Lamport timestamps, and what a divergence reports.
 */
import { describe, expect, it } from 'vitest';
import type { CheckRequest } from '../check/contract/types';
import { EventReader, LogError, checkMapping, readLogText } from './log';
import { matchValue } from './match';
import type { LogMapping, ValidateResult } from './types';
import { Validation } from './validate';
import { ModelValue, SetValue, TupleValue, RecordValue } from '../core/values';

const SPEC = `---- MODULE Tally ----
EXTENDS Naturals, Sequences
CONSTANT Procs
VARIABLES count, total, status
Init == count = [p \\in Procs |-> 0] /\\ total = 0 /\\ status = "open"
Inc(p) == /\\ status = "open"
          /\\ count' = [count EXCEPT ![p] = @ + 1]
          /\\ total' = total + 1
          /\\ UNCHANGED status
Close == /\\ status = "open" /\\ total >= 2 /\\ status' = "closed" /\\ UNCHANGED <<count, total>>
Next == (\\E p \\in Procs : Inc(p)) \\/ Close
====
`;
const req: CheckRequest = {
  files: [{ name: 'Tally.tla', text: SPEC }],
  mainModule: 'Tally',
  cfg: 'CONSTANT Procs = {p1, p2}\nINIT Init\nNEXT Next\n',
};

async function validate(lines: object[], mapping: LogMapping = {}): Promise<ValidateResult> {
  const v = await Validation.open(req);
  const events = readLogText(lines.map((l) => JSON.stringify(l)).join('\n'), v.vars, mapping);
  return v.validate(events, mapping);
}

describe('matching logged values', () => {
  it('takes its shape from the spec value', () => {
    const set = new SetValue([1, 2, 3]);
    expect(matchValue(set, [3, 1, 2])).toBe(true);
    expect(matchValue(set, [3, 1])).toBe(false);
    expect(matchValue(new TupleValue([1, 2]), [1, 2])).toBe(true);
    expect(matchValue(new TupleValue([1, 2]), [2, 1])).toBe(false);
    expect(matchValue(ModelValue.of('p1'), 'p1')).toBe(true);
    expect(matchValue(ModelValue.of('p1'), { '#unserializable': 'p1' })).toBe(true);
    expect(matchValue(new RecordValue(['a', 'b'], [1, true]), { b: true, a: 1 })).toBe(true);
    expect(matchValue(new RecordValue(['a', 'b'], [1, true]), { a: 1 })).toBe(false);
    expect(matchValue(3, { '#bigint': '3' })).toBe(true);
    expect(matchValue(3, '3')).toBe(false);
  });
});

describe('validate', () => {
  it('accepts a partial log: the action and one variable per event', async () => {
    const r = await validate([
      {},
      { action: 'Inc', total: 1 },
      { action: 'Inc', params: { p: 'p2' } },
      { action: 'Close', status: 'closed' },
    ]);
    expect(r.result).toBe('behaviour');
    expect(r.trace!.states).toHaveLength(4);
    // Two candidates after the first Inc (p1 or p2), fewer once the parameters say which.
    expect(r.maxCandidates).toBe(2);
    expect(r.stepEvents).toEqual([0, 1, 2, 3]);
  });

  it('reports the first event no behaviour explains, the closest state and what disagrees', async () => {
    const r = await validate([
      {},
      { action: 'Inc', params: { p: 'p1' }, total: 1 },
      { action: 'Close', status: 'closed' },
    ]);
    expect(r.result).toBe('divergence');
    const d = r.divergence!;
    expect(d.event).toBe(2);
    expect(d.line).toBe(3);
    expect(d.explained).toBe(2);
    // Close is not enabled at total = 1: the closest step is an Inc, which disagrees on the action and status.
    expect(d.closest!.disagree.map((x) => x.what).sort()).toEqual(['action', 'status']);
    expect(d.enabled).toEqual(['Inc(p1)', 'Inc(p2)']);
    expect(r.trace!.states).toHaveLength(2);
  });

  it('names the variable that disagrees when the action is right', async () => {
    const r = await validate([
      {},
      { action: 'Inc', params: { p: 'p1' }, count: { p1: 1, p2: 0 }, total: 2 },
    ]);
    expect(r.divergence!.closest).toMatchObject({
      label: 'Inc(p1)',
      disagree: [{ what: 'total', logged: 2, spec: { '#bigint': '1' } }],
    });
  });

  it('a first event that is no initial state', async () => {
    const r = await validate([{ total: 5 }]);
    expect(r.result).toBe('divergence');
    expect(r.divergence!.event).toBe(0);
    expect(r.divergence!.closest!.disagree).toEqual([
      { what: 'total', logged: 5, spec: { '#bigint': '0' } },
    ]);
  });

  it('the mapping: field names, value tables and action names', async () => {
    const mapping = checkMapping({
      action: 'op',
      actions: { increment: 'Inc', close: 'Close' },
      params: 'args',
      fields: {
        'metrics.sum': 'total',
        state: { variable: 'status', values: { OPEN: 'open', CLOSED: 'closed' } },
      },
    });
    const r = await validate(
      [
        { state: 'OPEN' },
        { op: 'increment', args: ['p1'], metrics: { sum: 1 } },
        { op: 'increment', metrics: { sum: 2 } },
        { op: 'close', state: 'CLOSED' },
      ],
      mapping,
    );
    expect(r.result).toBe('behaviour');
    expect(() => checkMapping({ feilds: {} })).toThrow(LogError);
    expect(() => new EventReader(['total'], { fields: { x: 'nope' } })).toThrow(/not a variable/);
  });

  it('events may be missing (unlogged steps) or repeat the state (stuttering)', async () => {
    const log = [{}, { action: 'Inc', total: 1 }, { action: 'Close' }];
    expect((await validate(log)).result).toBe('divergence');
    const r = await validate(log, { maxSilentSteps: 1 });
    expect(r.result).toBe('behaviour');
    expect(r.stepEvents).toEqual([0, 1, null, 2]);
    // Only the listed actions may go unlogged.
    expect((await validate(log, { maxSilentSteps: 1, silentActions: ['Close'] })).result).toBe(
      'divergence',
    );
    const again = [{}, { total: 0 }, { action: 'Inc', total: 1 }];
    expect((await validate(again)).result).toBe('divergence');
    expect((await validate(again, { stutter: true })).result).toBe('behaviour');
  });

  it('merges the logs of two processes by their vector clocks, in an order the totals allow', async () => {
    // p2's events come first in the file; the clocks say they are concurrent with p1's first one,
    // and the totals leave one order: p1, p2, then p1 again after it saw p2's.
    const log = [
      {},
      { process: 'p2', clock: { p2: 1 }, action: 'Inc', params: { p: 'p2' }, total: 2 },
      { process: 'p1', clock: { p1: 1 }, action: 'Inc', params: { p: 'p1' }, total: 1 },
      { process: 'p1', clock: { p1: 2, p2: 1 }, action: 'Inc', params: { p: 'p1' }, total: 3 },
    ];
    const r = await validate(log);
    expect(r.result).toBe('behaviour');
    expect(r.stepEvents).toEqual([0, 2, 1, 3]);
    // If p2's event happened after p1's second one, no order fits the totals.
    const late: object[] = log.slice();
    late[1] = { ...log[1], clock: { p1: 2, p2: 1 } };
    late[3] = { ...log[3], clock: { p1: 2 } };
    const bad = await validate(late);
    expect(bad.result).toBe('divergence');
    expect(bad.divergence!.event).toBe(3);
  });

  it('merges by Lamport timestamps, ties in either order', async () => {
    const log = [
      {},
      { process: 'p2', clock: 1, action: 'Inc', params: { p: 'p2' }, total: 2 },
      { process: 'p1', clock: 1, action: 'Inc', params: { p: 'p1' }, total: 1 },
    ];
    expect((await validate(log)).result).toBe('behaviour');
    const ordered = [log[0], { ...log[1], clock: 1 }, { ...log[2], clock: 2 }];
    const r = await validate(ordered);
    expect(r.result).toBe('divergence');
    expect(r.divergence!.event).toBe(1);
  });

  it('refuses a log whose events lack a clock when others have one', async () => {
    const r = await validate([{}, { process: 'p1', clock: 1, action: 'Inc' }, { action: 'Inc' }]);
    expect(r.result).toBe('error');
    expect(r.error!.message).toMatch(/no clock/);
  });
});
