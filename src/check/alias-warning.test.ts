import { describe, expect, it } from 'vitest';
import { aliasWarning, checkModel } from './check';
import { summaryLines } from '../cli/summary';

/**
 * TLC 2.20 prints each state of an error trace through the .cfg's ALIAS (here `xx = 0`, `nx = 1`
 * for the first state, the last one with x' = x). We do not apply it: the verdict and figures
 * are TLC's (4 generated, 4 distinct, depth 4), and a warning says the trace is not aliased.
 */
const spec = `---- MODULE A ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\\ y = 0
Next == x' = x + 1 /\\ y' = y + 2
Inv == x < 3
Al == [xx |-> x, nx |-> x']
====`;

describe('ALIAS', () => {
  it('is said not to be applied, beside an unchanged verdict', async () => {
    const r = await checkModel({
      files: [{ name: 'A.tla', text: spec }],
      mainModule: 'A',
      cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Al\n',
    });
    expect(r).toMatchObject({
      result: 'safety failure',
      generatedStates: 4,
      distinctStates: 4,
      depth: 4,
    });
    expect(r.warnings).toEqual([aliasWarning('Al')]);
    expect(summaryLines(r)).toContain(`Warning: ${aliasWarning('Al')}`);
  });
});
