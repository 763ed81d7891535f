import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJSONStorage } from 'zustand/middleware';
import { checkModel } from '../../check/check';
import { exploreModel, pathOfTrace } from '../../check/explore/explore';
import { examples } from '../examples';
import { createAppStore, type PersistedState } from '../store/appStore';
import { startTraceSync } from './traceSync';

function newStore() {
  const data = new Map<string, string>();
  const memory = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  return createAppStore(createJSONStorage<PersistedState>(() => memory)!);
}

type Store = ReturnType<typeof newStore>;
let stop: (() => void) | undefined;
afterEach(() => stop?.());

function explorePath(store: Store, path: number[], selectedStep = path.length - 1) {
  const view = store.getState().traceView;
  store.setState({
    traceView: { ...view, source: 'explore', explore: { ...view.explore, path } },
    selectedStep: Math.max(0, selectedStep),
  });
}

describe('trace sync', () => {
  it('replays the explored path, lists the choices and evaluates the watches', async () => {
    const store = newStore();
    const calls = vi.fn(exploreModel);
    stop = startTraceSync(store, { explore: calls, pathOfTrace });
    store.getState().updateModel({ watches: ['small + big'] });
    explorePath(store, []);
    await vi.waitFor(() => expect(store.getState().traceView.explore.choices?.at).toBe(-1));
    expect(store.getState().traceView.explore.choices?.options).toHaveLength(1);

    explorePath(store, [0, 1]);
    await vi.waitFor(() =>
      expect(store.getState().traceView.explore.trace?.states).toHaveLength(2),
    );
    const view = store.getState().traceView;
    expect(view.explore.choices?.at).toBe(1);
    expect(view.explore.choices?.options.map((c) => c.label)).toContain('BigToSmall');
    expect(view.watchResults?.trace).toBe(view.explore.trace);
    expect(view.watchResults?.rows[0].cells.map((c) => ('text' in c ? c.text : c.error))).toEqual([
      '0',
      '5',
    ]);

    // Selecting an earlier state asks for its choices.
    store.getState().selectStep(0);
    await vi.waitFor(() => expect(store.getState().traceView.explore.choices?.at).toBe(0));
    expect(store.getState().traceView.explore.choices?.options.map((c) => c.label)).toContain(
      'FillBig',
    );
  });

  it('says when an edited spec no longer replays the path', async () => {
    const store = newStore();
    stop = startTraceSync(store, { explore: exploreModel, pathOfTrace });
    explorePath(store, [0, 1, 4]);
    await vi.waitFor(() =>
      expect(store.getState().traceView.explore.trace?.states).toHaveLength(3),
    );
    const spec = store.getState().files['DieHard.tla'];
    store.getState().setFileText('DieHard.tla', spec.replace('\\/ SmallToBig \\/ BigToSmall', ''));
    await vi.waitFor(() => expect(store.getState().traceView.explore.replayError?.step).toBe(2));
  });

  it('evaluates watches on a checked counterexample', async () => {
    const store = newStore();
    stop = startTraceSync(store, { explore: exploreModel, pathOfTrace });
    const dieHard = examples[0];
    const result = await checkModel({
      files: [{ name: 'DieHard.tla', text: dieHard.files['DieHard.tla'] }],
      mainModule: 'DieHard',
      cfg: dieHard.files['DieHard.cfg'],
    });
    store.getState().runFinished(result);
    store.getState().updateModel({ watches: ['big - small', 'big \\div 0'] });
    await vi.waitFor(() => expect(store.getState().traceView.watchResults?.rows).toHaveLength(2));
    const { watchResults } = store.getState().traceView;
    expect(watchResults?.trace).toBe(result.trace);
    const last = (i: number) => watchResults!.rows[i].cells[result.trace!.states.length - 1];
    expect(last(0)).toMatchObject({ text: '1' });
    expect(last(1)).toMatchObject({ error: expect.stringContaining('div') });
  });
});
