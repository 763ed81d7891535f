import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check/check';
import { exploreModel, pathOfTrace as enginePathOfTrace } from '../../check/explore';
import { pathOfTrace } from './tracePath';

const dir = new URL('../examples/DieHard/', import.meta.url);
const request = {
  files: [{ name: 'DieHard.tla', text: readFileSync(new URL('DieHard.tla', dir), 'utf8') }],
  mainModule: 'DieHard',
  cfg: readFileSync(new URL('DieHard.cfg', dir), 'utf8'),
};

describe('pathOfTrace through explore calls', () => {
  it('finds the path the engine finds for a counterexample', async () => {
    const { trace } = await checkModel(request);
    const ours = await pathOfTrace(exploreModel, request, trace!);
    expect(ours).toEqual(await enginePathOfTrace(request, trace!));
  });

  it('says which state does not replay', async () => {
    const { trace } = await checkModel(request);
    const broken = { ...trace!, states: [...trace!.states] };
    broken.states[2] = { small: { '#bigint': '2' }, big: { '#bigint': '2' } };
    expect(await pathOfTrace(exploreModel, request, broken)).toEqual({
      step: 2,
      message: 'state 3 is not a successor of state 2 of the open spec',
    });
    expect(await pathOfTrace(exploreModel, request, trace!, 3)).toMatchObject({ step: 3 });
  });
});
