import { describe, expect, it } from 'vitest';
import type { TraceValue } from './value';
import { containerKind, elementsOf, entriesOf, firstParts, numberOf, view } from './view';
import { applyAt, canonicalKey } from './keys';

const n = (x: number): TraceValue => ({ '#bigint': String(x) });

describe('view: a trace value as a tagged union', () => {
  it('tells tagged objects from records', () => {
    expect(view(true)).toEqual({ kind: 'bool', value: true });
    expect(view('a')).toEqual({ kind: 'string', value: 'a' });
    expect(view(n(3))).toEqual({ kind: 'int', digits: '3' });
    expect(view({ '#mv': 'm' })).toEqual({ kind: 'modelValue', name: 'm' });
    expect(view({ '#set': [n(1)] })).toEqual({ kind: 'set', elements: [n(1)] });
    expect(view([n(1)])).toEqual({ kind: 'seq', elements: [n(1)] });
    expect(view({ '#map': [[n(0), 'x']] })).toEqual({ kind: 'map', entries: [[n(0), 'x']] });
    // A record whose one field is named like a tag, but holds another type, stays a record.
    expect(view({ '#set': 'x' }).kind).toBe('record');
    expect(view({ a: n(1), b: n(2) }).kind).toBe('record');
  });

  it('reads functions, bags and integers', () => {
    expect(entriesOf([n(5), n(6)])).toEqual([
      [n(1), n(5)],
      [n(2), n(6)],
    ]);
    expect(entriesOf({ '#set': [] })).toBeUndefined();
    expect(applyAt({ a: n(1) }, canonicalKey('a'))).toEqual(n(1));
    const bag: TraceValue = { '#map': [[{ m: 'x' }, n(2)]] };
    expect(containerKind(bag)).toBe('bag');
    expect(elementsOf(bag, 'bag')).toEqual([{ value: { m: 'x' }, count: 2 }]);
    expect(elementsOf({ '#map': [[n(1), 'no count']] }, 'bag')).toBeUndefined();
    expect(numberOf(n(-4))).toBe(-4);
    expect(numberOf('4')).toBeUndefined();
    expect(firstParts({ '#set': [n(1), n(2), n(3)] }, 2)).toEqual({ '#set': [n(1), n(2)] });
  });
});
