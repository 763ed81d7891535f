import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check/check';
import { examples } from '.';

describe('examples', () => {
  it('TwoPhase checks with the state counts of two-phase commit over three resource managers', async () => {
    const twoPhase = examples.find((e) => e.id === 'TwoPhase')!;
    const result = await checkModel({
      files: [{ name: 'TwoPhase.tla', text: twoPhase.files['TwoPhase.tla'] }],
      mainModule: twoPhase.mainModule,
      cfg: twoPhase.files[twoPhase.cfgFile],
    });
    expect(result.result).toBe('success');
    expect(result.distinctStates).toBe(288);
  });
});
