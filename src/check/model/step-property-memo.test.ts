/**
 * A step property's definitions without parameters are kept per state while a state's steps are
 * checked: `M` (reads the current state only) once per state, `M'` once per next state. The
 * figures are TLC 2.20's on the same spec; each state has two steps, so a value kept for the
 * wrong state would pass the violating step 5 -> 0 or stop at a good one.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../check';

const spec = (prop: string) =>
  checkModel({
    files: [
      {
        name: 'Mm.tla',
        text: `---- MODULE Mm ----\nEXTENDS Integers\nVARIABLE x\nM == x % 4\nInit == x = 0\nNext == x' = (x + 1) % 6 \\/ x' = (x + 2) % 6\nProp == ${prop}\n====\n`,
      },
    ],
    mainModule: 'Mm',
    cfg: 'INIT Init\nNEXT Next\nPROPERTY Prop\n',
    cfgName: 'Mm.cfg',
  });

describe('a step property over definitions of the state', () => {
  it('is violated where TLC finds it, with its trace', async () => {
    const r = await spec("[][M' = (M + 1) % 4 \\/ M' = (M + 2) % 4]_M");
    expect(r).toMatchObject({
      result: 'safety failure',
      generatedStates: 12,
      distinctStates: 6,
      queueLeft: 0,
    });
    expect(r.trace?.states.map((s) => s.x)).toEqual(
      [0, 1, 3, 5, 0].map((n) => ({ '#bigint': String(n) })),
    );
  });

  it('holds where it holds (TLC: 13 states generated, 6 distinct)', async () => {
    const r = await spec("[][M' # M]_M");
    expect(r).toMatchObject({ result: 'success', generatedStates: 13, distinctStates: 6 });
  });
});
