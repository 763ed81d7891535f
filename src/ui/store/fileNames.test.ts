import { describe, expect, it } from 'vitest';
import { initialState } from './appStore';
import { modelAfterRename, modelFollowing, modulesUsedBy, renameInFiles } from './fileNames';

const model = { ...initialState().model, mainModule: 'Spec', cfgFile: 'Spec.cfg' };
const files = {
  'Spec.tla': '---- MODULE Spec ----\n====\n',
  'Spec.cfg': 'INIT Init\n',
  'Mutex.tla': '---- MODULE Mutex ----\n====\n',
  'Lib.tla': '---- MODULE Lib ----\n====\n',
};

describe('the model follows the file being edited', () => {
  it('switches to a module with a config of its name, or a config with a module of its name', () => {
    const withCfg = { ...files, 'Mutex.cfg': 'INIT Init\n' };
    expect(modelFollowing(withCfg, 'Mutex.tla', model)).toMatchObject({
      mainModule: 'Mutex',
      cfgFile: 'Mutex.cfg',
    });
    expect(modelFollowing(withCfg, 'Mutex.cfg', model)).toMatchObject({ mainModule: 'Mutex' });
  });

  it('stays on the model for a file with no partner (a library module)', () => {
    expect(modelFollowing(files, 'Mutex.tla', model)).toBe(model);
    expect(modelFollowing(files, 'Lib.tla', model)).toBe(model);
    expect(modelFollowing(files, 'notes.txt', model)).toBe(model);
  });
});

describe('renaming a file', () => {
  it('keeps its place and gives a module its new name in the header', () => {
    const renamed = renameInFiles(files, 'Spec.tla', 'Counter.tla');
    expect(Object.keys(renamed)).toEqual(['Counter.tla', 'Spec.cfg', 'Mutex.tla', 'Lib.tla']);
    expect(renamed['Counter.tla']).toBe('---- MODULE Counter ----\n====\n');
  });

  it('leaves a header that names another module (edited by hand) as it is', () => {
    const edited = { ...files, 'Spec.tla': '---- MODULE Mutex2 ----\n====\n' };
    expect(renameInFiles(edited, 'Spec.tla', 'Mutex2.tla')['Mutex2.tla']).toBe(
      '---- MODULE Mutex2 ----\n====\n',
    );
  });

  it('keeps the model naming the renamed module or config', () => {
    expect(modelAfterRename(model, 'Spec.tla', 'Counter.tla').mainModule).toBe('Counter');
    expect(modelAfterRename(model, 'Spec.cfg', 'MC.cfg').cfgFile).toBe('MC.cfg');
    expect(modelAfterRename(model, 'Lib.tla', 'Base.tla')).toBe(model);
  });
});

describe('a Quint model', () => {
  const quint = {
    ...model,
    mainModule: 'DieHard',
    cfgFile: '',
    quint: { file: 'DieHard.qnt', init: 'init', step: 'step', invariants: [] },
  };

  it('follows its file when renamed, and keeps its main module (declared inside the file)', () => {
    expect(modelAfterRename(quint, 'DieHard.qnt', 'Jugs.qnt')).toMatchObject({
      mainModule: 'DieHard',
      quint: { file: 'Jugs.qnt' },
    });
    // A TLA+ twin of the same name renamed beside it leaves the Quint model alone.
    expect(modelAfterRename(quint, 'DieHard.tla', 'Old.tla')).toBe(quint);
  });

  it('stays a Quint model when a TLA+ module with its config is opened', () => {
    const withTwin = { ...files, 'Spec.qnt': 'module Spec {}', 'DieHard.qnt': 'module DieHard {}' };
    expect(modelFollowing(withTwin, 'Spec.tla', quint)).toBe(quint);
  });
});

describe('modulesUsedBy', () => {
  it('follows EXTENDS lists over lines and INSTANCE, transitively', () => {
    const open = {
      'MC.tla': '---- MODULE MC ----\nEXTENDS Spec,\n  TLC\nA == INSTANCE Lib WITH x <- 1\n====',
      'Spec.tla': '---- MODULE Spec ----\nEXTENDS Naturals, Base\n====',
      'Base.tla': '---- MODULE Base ----\n====',
      'Lib.tla': '---- MODULE Lib ----\n====',
      'Other.tla': '---- MODULE Other ----\n====',
    };
    const used = modulesUsedBy(open, 'MC');
    expect([...used].filter((m) => `${m}.tla` in open).sort()).toEqual([
      'Base',
      'Lib',
      'MC',
      'Spec',
    ]);
    expect(used.has('Other')).toBe(false);
  });
});
