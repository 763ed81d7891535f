import { describe, expect, it } from 'vitest';
import { parseTlcValue } from './tla-value';
import type { TraceValue } from '../trace/value';
import { printState, printValue, printValueOneLine } from '../trace/print';
import { canonicalKey } from '../trace/keys';

const int = (n: number): TraceValue => ({ '#bigint': String(n) });
const set = (...elems: TraceValue[]): TraceValue => ({ '#set': elems });
const mv = (name: string): TraceValue => ({ '#mv': name });

describe('printValue', () => {
  it('prints each kind of value as TLC does', () => {
    expect(printValue(true)).toBe('TRUE');
    expect(printValue(false)).toBe('FALSE');
    expect(printValue(int(-3))).toBe('-3');
    expect(printValue('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(printValue(mv('p1'))).toBe('p1');
    expect(printValue(set())).toBe('{}');
    expect(printValue(set(int(1), int(2)))).toBe('{1, 2}');
    expect(printValue([])).toBe('<<>>');
    expect(printValue([int(1), 'a'])).toBe('<<1, "a">>');
    expect(printValue({ a: int(1), b: int(2) })).toBe('[a |-> 1, b |-> 2]');
    expect(
      printValue({
        '#map': [
          [int(0), 'a'],
          [int(2), 'b'],
        ],
      }),
    ).toBe('(0 :> "a" @@ 2 :> "b")');
    expect(
      printValue({
        '#map': [
          [mv('n1'), []],
          [mv('n2'), [mv('v')]],
        ],
      }),
    ).toBe('(n1 :> <<>> @@ n2 :> <<v>>)');
  });

  it('prints a function on strings that are not all names as a function, as TLC does', () => {
    expect(printValue({ 'a b': int(1), c: int(2) })).toBe('("a b" :> 1 @@ "c" :> 2)');
    expect(printValue({ WF_x: int(1) })).toBe('("WF_x" :> 1)');
    expect(printValue({ x_1: int(1) })).toBe('[x_1 |-> 1]');
  });

  it('breaks long values as TLC does', () => {
    const tuples = [1, 2, 3].flatMap((a) =>
      [4, 5].flatMap((b) => [6, 7].map((c) => [int(a), int(b), int(c), int(8)])),
    );
    expect(printValue(set(...tuples))).toBe(
      '{ ' + tuples.map((t) => printValueOneLine(t)).join(',\n  ') + ' }',
    );
    const rec = {
      floor: int(1),
      direction: 'Stationary',
      doorsOpen: false,
      buttonsPressed: set(),
      extra: 'a fairly long string value to go past eighty columns',
    };
    expect(printValue(rec)).toBe(
      [
        '[ floor |-> 1,',
        '  direction |-> "Stationary",',
        '  doorsOpen |-> FALSE,',
        '  buttonsPressed |-> {},',
        '  extra |-> "a fairly long string value to go past eighty columns" ]',
      ].join('\n'),
    );
  });

  it('keeps a long value on one line where TLC cannot re-read it (an underscore outside strings)', () => {
    const long = set(...Array.from({ length: 20 }, (_, k) => mv(`p_${k}`)));
    expect(printValue(long)).toBe(printValueOneLine(long));
  });

  it('prints states as TLC does', () => {
    expect(printState({ big: int(0), small: int(3) }, ['big', 'small'])).toBe(
      '/\\ big = 0\n/\\ small = 3',
    );
    expect(printState({ x: false }, ['x'])).toBe('x = FALSE');
  });
});

describe('parseTlcValue', () => {
  it('reads every kind of value', () => {
    expect(parseTlcValue('TRUE')).toBe(true);
    expect(parseTlcValue('-12')).toEqual(int(-12));
    expect(parseTlcValue('"a\\"b\\\\c\\n"')).toBe('a"b\\c\n');
    expect(parseTlcValue('p1')).toEqual(mv('p1'));
    expect(parseTlcValue('{}')).toEqual(set());
    expect(parseTlcValue('{ 1,\n  2 }')).toEqual(set(int(1), int(2)));
    expect(parseTlcValue('<<>>')).toEqual([]);
    expect(parseTlcValue('<< >>')).toEqual([]);
    expect(parseTlcValue('<<1, <<>>>>')).toEqual([int(1), []]);
    expect(parseTlcValue('[a |-> 1, b |-> "x"]')).toEqual({ a: int(1), b: 'x' });
    expect(parseTlcValue('(0 :> TRUE @@ 1 :> FALSE)')).toEqual({
      '#map': [
        [int(0), true],
        [int(1), false],
      ],
    });
    expect(parseTlcValue('(1 :> TRUE @@ 2 :> FALSE)')).toEqual([true, false]);
    expect(parseTlcValue('("a b" :> 1)')).toEqual({ 'a b': int(1) });
    expect(parseTlcValue('1..3')).toEqual(set(int(1), int(2), int(3)));
  });

  it('rejects what is not a value', () => {
    expect(() => parseTlcValue('{1, 2')).toThrow("expected '}' at offset 5");
    expect(() => parseTlcValue('1 2')).toThrow('unexpected text after the value at offset 2');
  });

  it('round-trips through printValue', () => {
    const v: TraceValue = {
      a: set([int(1), 'x'], set()),
      b: { '#map': [[mv('n1'), { '#map': [[int(0), true]] }]] },
      c: [[], [mv('v')]],
    };
    expect(parseTlcValue(printValue(v))).toEqual(v);
  });
});

describe('canonicalKey', () => {
  it('equates values that TLA+ equates, whatever their listed order', () => {
    expect(canonicalKey(set(int(2), int(1)))).toBe(canonicalKey(set(int(1), int(2), int(1))));
    expect(canonicalKey({ b: int(1), a: int(2) })).toBe(canonicalKey({ a: int(2), b: int(1) }));
    expect(
      canonicalKey({
        '#map': [
          [int(2), 'b'],
          [int(1), 'a'],
        ],
      }),
    ).toBe(canonicalKey(['a', 'b']));
    expect(canonicalKey({ '#map': [['x', int(1)]] })).toBe(canonicalKey({ x: int(1) }));
    expect(canonicalKey(set(int(1)))).not.toBe(canonicalKey([int(1)]));
  });
});
