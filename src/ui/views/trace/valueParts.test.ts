import { describe, expect, it } from 'vitest';
import { keyText, partsOf, pathSegment, tableColumns } from './valueParts';
import { compositeKind, partCount } from '../../../trace/view';
import type { TraceValue } from '../../../trace/value';
import { normalizeValue } from '../../../trace/keys';

const n = (x: number): TraceValue => ({ '#bigint': String(x) });
const mv = (name: string): TraceValue => ({ '#mv': name });

describe('value parts', () => {
  it('lists the parts of sets, sequences, records and functions with their keys', () => {
    expect(compositeKind(n(1))).toBeUndefined();
    expect(compositeKind({ '#set': [] })).toBeUndefined();
    const seq = partsOf(['a', 'b']);
    expect(seq.map(keyText)).toEqual(['1', '2']);
    expect(seq.map(pathSegment)).toEqual(['[1]', '[2]']);
    const record = partsOf({ type: 'ack', 'two words': n(1) });
    expect(record.map(keyText)).toEqual(['type', '"two words"']);
    expect(record.map(pathSegment)).toEqual(['.type', '["two words"]']);
    const fn = partsOf({ '#map': [[mv('p1'), n(0)]] });
    expect(fn.map(keyText)).toEqual(['p1']);
    const set = partsOf({ '#set': [n(1), n(2)] });
    expect(set.map((p) => p.key)).toEqual([undefined, undefined]);
    expect(partCount({ '#set': [n(1), n(2)] })).toBe(2);
  });

  it('gives equal values in canonical order the same id, and unequal values different ones', () => {
    const a = { '#set': [{ '#set': [n(1), n(2)] }, n(3)] };
    const b = { '#set': [n(3), { '#set': [n(2), n(1)] }] };
    // The ids do not depend on the order the elements are listed in.
    const id = (v: TraceValue) => partsOf({ '#set': [v] })[0].id;
    expect(id(a)).toBe(id(b));
    expect(id(normalizeValue(a))).toBe(id(b));
    expect(id(n(1))).not.toBe(id('1'));
    expect(id(mv('a'))).not.toBe(id('a'));
  });

  it('lays collections of records out as tables, not other values', () => {
    const msgs: TraceValue = { '#set': [{ type: 'Prepared', rm: mv('r1') }, { type: 'Commit' }] };
    expect(tableColumns(msgs)).toEqual(['type', 'rm']);
    expect(tableColumns({ '#set': [{ type: 'Commit' }] })).toBeUndefined();
    expect(tableColumns([{ a: n(1) }, n(2)])).toBeUndefined();
    const wide = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, n(i)]));
    expect(tableColumns([wide, wide])).toBeUndefined();
  });
});
