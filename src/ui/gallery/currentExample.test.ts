import { describe, expect, it } from 'vitest';
import { examples } from '../examples';
import { freshModel, initialState } from '../store/appStore';
import { currentExample } from './currentExample';

const twoPhase = examples.find((e) => e.id === 'TwoPhase')!;
const own = {
  'TwoPhase.tla': "---- MODULE TwoPhase ----\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n",
  'TwoPhase.cfg': 'INIT Init\nNEXT Next\n',
};
const model = { ...freshModel(), mainModule: 'TwoPhase', cfgFile: 'TwoPhase.cfg' };

describe('which gallery example is open', () => {
  it('is not the gallery’s TwoPhase for a TwoPhase.tla of one’s own', () => {
    expect(currentExample({ files: own, model })).toBeUndefined();
  });

  it('is the example its files were opened from, edits and all', () => {
    const edited = {
      ...twoPhase.files,
      'TwoPhase.tla': `${twoPhase.files['TwoPhase.tla']}\n\\* edit`,
    };
    expect(currentExample({ files: edited, model: { ...model, example: 'TwoPhase' } })?.id).toBe(
      'TwoPhase',
    );
  });

  it('is the example whose shipped files arrive unchanged from elsewhere (a share link)', () => {
    expect(currentExample({ files: { ...twoPhase.files }, model })?.id).toBe('TwoPhase');
  });

  it('starts on DieHard, recognised by where it came from', () => {
    expect(currentExample(initialState())?.id).toBe('DieHard');
    expect(freshModel().example).toBeUndefined();
  });
});
