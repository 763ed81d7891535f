import { describe, expect, it } from 'vitest';
import {
  compositeKind,
  keyText,
  partCount,
  partsOf,
  pathSegment,
  tableColumns,
  valueId,
} from './valueParts';
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
    expect(valueId(normalizeValue(a))).toBe(valueId(normalizeValue(b)));
    expect(valueId(n(1))).not.toBe(valueId('1'));
    expect(valueId(mv('a'))).not.toBe(valueId('a'));
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
