import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTexts, loadParser, moduleText } from '../../../tests/frontend/support';
import { definitionAt, hoverAt, outline } from './language-service';

beforeAll(loadParser);

const N = moduleText(
  'N',
  'CONSTANT Size\nVARIABLE v\n\\* the bound\nMax(a, b) == IF a > b\n  THEN a\n  ELSE b',
);
const M = moduleText(
  'M',
  [
    'EXTENDS N, Naturals, Sequences', //                                     line 2
    'VARIABLE x', //                                              line 3
    'Init == x = Max(1, Size)', //                                line 4
    "Next == \\E i \\in 1..Size : x' = i + Len(<<>>)", //        line 5
    'I(p) == INSTANCE N WITH Size <- p, v <- x', //               line 6
    'J == I(3)!Max(1, 2)', //                                     line 7
    'THEOREM Safe == Init => x \\in Nat', //                      line 8
    '---- MODULE Inner ----', //                                  line 9
    'K == Init', //                                               line 10
    '====',
  ].join('\n'),
);

function analysis() {
  return analyzeTexts('M', { M, N });
}

describe('outline', () => {
  it('lists declarations and definitions in order, theorems and nested modules included', () => {
    const items = outline(analysis().main!);
    expect(items.map((i) => [i.kind, i.name, i.detail].filter(Boolean).join(' '))).toEqual([
      'variable x',
      'operator Init',
      'operator Next',
      'instance I INSTANCE N',
      'operator J',
      'theorem Safe',
      'module Inner',
    ]);
    expect(items[1].nameRange).toEqual({
      module: 'M',
      start: { line: 4, column: 1 },
      end: { line: 4, column: 5 },
    });
    expect(items.at(-1)?.children?.map((c) => c.name)).toEqual(['K']);
  });
});

describe('definitionAt', () => {
  it('follows a name into the module it comes from', () => {
    const target = definitionAt(analysis(), 'M', { line: 4, column: 14 }); // on `Max`
    expect(target).toMatchObject({ name: 'Max', kind: 'operator', module: 'N', file: 'N.tla' });
    expect(target?.nameRange).toEqual({
      module: 'N',
      start: { line: 5, column: 1 },
      end: { line: 5, column: 4 },
    });
  });

  it('finds bound variables, constants through EXTENDS, and library operators', () => {
    const a = analysis();
    expect(definitionAt(a, 'M', { line: 5, column: 33 })).toMatchObject({
      name: 'i',
      kind: 'bound',
    }); // `i` in i + …
    expect(definitionAt(a, 'M', { line: 4, column: 20 })).toMatchObject({
      name: 'Size',
      kind: 'constant',
      module: 'N',
    });
    const len = definitionAt(a, 'M', { line: 5, column: 37 });
    // The library ships with the engine: its definitions have a file and a place too.
    expect(len).toMatchObject({
      name: 'Len',
      module: 'Sequences',
      file: 'library/standard/Sequences.tla',
    });
  });

  it('through a parameterised instance, in a nested module, and on EXTENDS names', () => {
    const a = analysis();
    expect(definitionAt(a, 'M', { line: 7, column: 11 })).toMatchObject({
      name: 'Max',
      module: 'N',
    });
    expect(definitionAt(a, 'M', { line: 10, column: 6 })).toMatchObject({
      name: 'Init',
      module: 'M',
    });
    expect(definitionAt(a, 'M', { line: 2, column: 9 })).toMatchObject({
      name: 'N',
      kind: 'module',
      file: 'N.tla',
    });
  });

  it('nothing on blank space', () => {
    expect(definitionAt(analysis(), 'M', { line: 4, column: 12 })).toBeUndefined();
  });
});

describe('hoverAt', () => {
  it('shows the first lines of the definition', () => {
    expect(hoverAt(analysis(), 'M', { line: 4, column: 14 })?.text).toBe(
      'Max(a, b) == IF a > b\n  THEN a\n  ELSE b',
    );
  });

  it('shows a signature for library operators', () => {
    expect(hoverAt(analysis(), 'M', { line: 5, column: 37 })?.text).toBe(
      'Len(s)  (module Sequences)',
    );
  });
});
