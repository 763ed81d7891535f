import { describe, expect, it } from 'vitest';
import { initialState } from '../store/appStore';
import { changedLines, changesSince, checkedSpecOf } from './staleness';

describe('changesSince', () => {
  const state = initialState();
  const checked = checkedSpecOf(state);

  it('is empty while the open spec is the one checked', () => {
    expect(changesSince(checked, state)).toEqual([]);
    expect(changesSince(undefined, state)).toEqual([]);
  });

  it('names the edited file and the lines', () => {
    const tla = state.files['DieHard.tla'].replace("big' = 5", "big' = 4");
    const edited = { ...state, files: { ...state.files, 'DieHard.tla': tla } };
    const line = state.files['DieHard.tla'].split('\n').findIndex((l) => l.includes("big' = 5"));
    expect(changesSince(checked, edited)).toEqual([`DieHard.tla edited (line ${line + 1})`]);
  });

  it('counts the model config in use and the model settings, not other files', () => {
    const other = { ...state, files: { ...state.files, 'Other.cfg': 'INIT Init' } };
    expect(changesSince(checked, other)).toEqual([]);
    const notes = { ...state, files: { ...state.files, 'notes.txt': 'x' } };
    expect(changesSince(checked, notes)).toEqual([]);
    const cfg = { ...state, files: { ...state.files, 'DieHard.cfg': 'INIT Init\nNEXT Next\n' } };
    expect(changesSince(checked, cfg)).toEqual(['DieHard.cfg edited (lines 1–2)']);
    const model = {
      ...other,
      model: { ...state.model, cfgFile: 'Other.cfg', deadlock: 'skip' as const },
    };
    expect(changesSince(checked, model)).toEqual([
      'the model config is now Other.cfg (was DieHard.cfg)',
      'deadlock is now not checked',
    ]);
    const added = { ...state, files: { ...state.files, 'Lib.tla': '---- MODULE Lib ----\n====' } };
    expect(changesSince(checked, added)).toEqual(['Lib.tla added']);
  });
});

describe('changedLines', () => {
  it('spans the first to the last changed line of the new text', () => {
    expect(changedLines('a\nb\nc', 'a\nB\nc')).toBe('line 2');
    expect(changedLines('a\nb\nc', 'a\nB\nC\nc')).toBe('lines 2–3');
    expect(changedLines('a\nb\nc', 'a\nc')).toBe('line 2');
    expect(changedLines('a', 'a\nb')).toBe('line 2');
  });
});
