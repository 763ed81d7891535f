import { describe, expect, it } from 'vitest';
import { pluscalErrorRanges } from './pluscalMarkers';

describe('where a PlusCal error is marked', () => {
  it('on the token at the line and column of the message', () => {
    const text =
      '---- MODULE M ----\n(* --algorithm a\nbegin\n  a: x := ;\nend algorithm *)\n====\n';
    expect(
      pluscalErrorRanges(text, 'Empty right-hand side of assignment at \n    line 4, column 8'),
    ).toEqual([{ startLineNumber: 4, startColumn: 8, endLineNumber: 4, endColumn: 10 }]);
  });

  it('counting a tab up to the next multiple of 8, as pcal.trans does', () => {
    const text = 'x\n\ta:\tskip;\n';
    // pcal.trans: column 17 is `skip` (the tabs expand to columns 1-8 and 11-16).
    expect(pluscalErrorRanges(text, 'Bad at line 2, column 17')).toEqual([
      { startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 10 },
    ]);
  });

  it('at every location a message gives, and at the algorithm when it gives none', () => {
    const text = 'a\n(* --algorithm x\nb c\n';
    expect(
      pluscalErrorRanges(
        text,
        'Missing labels at the following locations:\n line 3, column 1\n line 3, column 3',
      ),
    ).toHaveLength(2);
    expect(pluscalErrorRanges(text, 'Algorithm not in properly terminated comment')).toEqual([
      { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 17 },
    ]);
  });
});
