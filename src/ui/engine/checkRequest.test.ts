import { describe, expect, it } from 'vitest';
import { initialState } from '../store/appStore';
import { buildCheckRequest } from './checkRequest';

describe('buildCheckRequest', () => {
  it('sends the open modules, the chosen config and the run settings', () => {
    const state = initialState();
    state.files['Notes.txt'] = 'not a module';
    state.model = {
      ...state.model,
      deadlock: 'skip',
      workers: 2,
      maxGraphStates: 100,
      memoryBudgetMb: 512,
    };
    const request = buildCheckRequest(state);
    expect(request.mainModule).toBe('DieHard');
    expect(request.files.map((f) => f.name)).toEqual(['DieHard.tla']);
    expect(request.cfg).toMatch(/INIT Init/);
    expect(request.cfgName).toBe('DieHard.cfg');
    expect(request.options).toEqual({
      checkDeadlock: false,
      workers: 2,
      memoryBudgetBytes: 512 * 2 ** 20,
      collectGraph: true,
      maxGraphStates: 100,
    });
  });

  it('always sends a memory budget, 1 GiB where the device does not say its memory', () => {
    expect(initialState().model.memoryBudgetMb).toBe(1024);
    expect(buildCheckRequest(initialState()).options?.memoryBudgetBytes).toBe(2 ** 30);
  });

  it('leaves deadlock checking to the .cfg unless overridden', () => {
    expect(buildCheckRequest(initialState()).options?.checkDeadlock).toBeUndefined();
  });

  it('says which file is missing', () => {
    const state = initialState();
    state.model.cfgFile = 'MC.cfg';
    expect(() => buildCheckRequest(state)).toThrow(/MC.cfg is not open/);
    state.model = { ...state.model, cfgFile: 'DieHard.cfg', mainModule: 'MC' };
    expect(() => buildCheckRequest(state)).toThrow(/no MC.tla/);
  });
});
