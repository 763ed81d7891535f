import { describe, expect, it } from 'vitest';
import { initialTraceView } from '../explore/state';
import {
  fileNameOf,
  isReplacement,
  modelOfFiles,
  orderFiles,
  sameFiles,
  uniqueName,
} from './projects';

describe('projects', () => {
  it('names a project uniquely', () => {
    expect(uniqueName('DieHard', [])).toBe('DieHard');
    expect(uniqueName('DieHard', ['DieHard', 'DieHard 2'])).toBe('DieHard 3');
    expect(uniqueName('  ', [])).toBe('Untitled');
  });

  it('compares files by name and text, not by order', () => {
    expect(sameFiles({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameFiles({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameFiles({ a: '1' }, { a: '1', b: '' })).toBe(false);
  });

  it('takes a wholesale change of files for another spec, an edit for the same one', () => {
    const before = { files: { 'A.tla': 'x', 'A.cfg': 'y' }, traceView: initialTraceView() };
    const other = { files: { 'B.tla': 'x', 'B.cfg': 'y' }, traceView: initialTraceView() };
    expect(isReplacement(before, other)).toBe(true);
    // Typing: the same names, the trace view untouched.
    const typed = { ...before, files: { ...before.files, 'A.tla': 'xx' } };
    expect(isReplacement(before, typed)).toBe(false);
    // An added file keeps the old names.
    const added = { files: { ...before.files, 'C.tla': '' }, traceView: initialTraceView() };
    expect(isReplacement(before, added)).toBe(false);
    // New names without the view's reset (no run, no trace) are not an opened spec either.
    expect(isReplacement(before, { ...other, traceView: before.traceView })).toBe(false);
  });

  it('finds the main module and config of dropped files', () => {
    expect(modelOfFiles({ 'Lib.tla': '', 'Main.tla': '', 'Main.cfg': '' })).toEqual({
      mainModule: 'Main',
      cfgFile: 'Main.cfg',
    });
    expect(modelOfFiles({ 'Q.tla': '' })).toEqual({
      mainModule: 'Q',
      cfgFile: 'Q.cfg',
      addedCfg: { name: 'Q.cfg', text: 'INIT Init\nNEXT Next\n' },
    });
    expect(modelOfFiles({ 'Q.tla': '', 'Small.cfg': '' })).toEqual({
      mainModule: 'Q',
      cfgFile: 'Small.cfg',
    });
    expect(Object.keys(orderFiles({ 'M.cfg': '', 'Lib.tla': '', 'M.tla': '' }, 'M'))).toEqual([
      'M.tla',
      'Lib.tla',
      'M.cfg',
    ]);
  });

  it('makes a Quint model of Quint files dropped without a TLA+ module', () => {
    expect(modelOfFiles({ 'jugs.qnt': '// DieHard\nmodule DieHard {\n}\n' })).toEqual({
      mainModule: 'DieHard',
      cfgFile: '',
      quint: { file: 'jugs.qnt', init: 'init', step: 'step', invariants: [] },
    });
    // With a TLA+ module beside it, the TLA+ model (the side panel offers the Quint one).
    expect(modelOfFiles({ 'A.qnt': 'module A {}', 'A.tla': '', 'A.cfg': '' })).toEqual({
      mainModule: 'A',
      cfgFile: 'A.cfg',
    });
  });

  it('makes a safe download name', () => {
    expect(fileNameOf('a/b: c')).toBe('a-b- c');
    expect(fileNameOf('')).toBe('project');
  });
});
