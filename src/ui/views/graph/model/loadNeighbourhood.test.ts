import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../../../check/check';
import { exploreModel, pathOfTrace } from '../../../../check/explore/explore';
import { locateStates } from './drawnGraph';
import type { EngineCalls, ExploreCall } from '../../../engine/engineCalls';
import { expandNode, loadAround } from './loadNeighbourhood';
import { emptyNeighbourhood } from './neighbourhood';
import { canonicalStateKey } from '../../../../trace/keys';

/** The engine's own functions, as the pool gives them in the app. */
const engine: EngineCalls = { explore: exploreModel, pathOfTrace };

const dir = new URL('../../../examples/DieHard/', import.meta.url);
const request = {
  files: [{ name: 'DieHard.tla', text: readFileSync(new URL('DieHard.tla', dir), 'utf8') }],
  mainModule: 'DieHard',
  cfg: readFileSync(new URL('DieHard.cfg', dir), 'utf8'),
};

describe('neighbourhood loading through explore', () => {
  it('holds every state of a counterexample and each one’s successors', async () => {
    const checked = await checkModel(request);
    const trace = checked.trace!;
    const { nb, problem } = await loadAround(engine, request, emptyNeighbourhood, trace);
    expect(problem).toBeUndefined();
    const onTrace = locateStates(nb, trace.states.map(canonicalStateKey));
    expect(onTrace.every((n) => n >= 0)).toBe(true);
    // Every trace state has been expanded, the others not yet.
    for (const n of onTrace) expect(nb.nodes[n].expandable).toBe(false);
    expect(nb.nodes.some((n) => n.expandable)).toBe(true);
    // Each step of the trace is an edge named by its action.
    for (let i = 1; i < onTrace.length; i++) {
      const edge = nb.edges.find((e) => e.from === onTrace[i - 1] && e.to === onTrace[i]);
      expect(edge?.actions).toContain(trace.steps[i].action);
    }
    // The trace's last state violates NotSolved.
    expect(nb.nodes[onTrace[onTrace.length - 1]].violating).toBe(true);

    const leaf = nb.nodes.findIndex((n) => n.expandable);
    const expanded = await expandNode(exploreModel, request, nb, leaf);
    expect(expanded.nb.nodes[leaf].expandable).toBe(false);
    expect(expanded.trace?.states.at(-1)).toEqual(nb.nodes[leaf].state);
    expect(expanded.trace?.states).toHaveLength(nb.paths[leaf].length);
  });

  it('keeps only the trace’s own initial state when there are many', async () => {
    // A spec with ten initial states x = 0..9, each stepping to x + 10.
    const state = (x: number) => ({ x: { '#bigint': String(x) } });
    const fake: ExploreCall = async ({ path }) => {
      const at = path.length === 0 ? undefined : path[0];
      const states =
        at === undefined ? [] : [state(at), ...(path.length > 1 ? [state(at + 10)] : [])];
      const steps = states.map((_, i) => ({
        action: i ? 'Step' : 'Init',
        params: [],
        label: i ? 'Step' : 'Initial predicate',
      }));
      const choices =
        path.length === 0
          ? Array.from({ length: 10 }, (_, k) => ({
              label: 'Initial predicate',
              action: 'Init',
              params: [],
              state: state(k),
              changed: ['x'],
              violates: [],
            }))
          : path.length === 1
            ? [
                {
                  label: 'Step',
                  action: 'Step',
                  params: [],
                  state: state(at! + 10),
                  changed: ['x'],
                  violates: [],
                },
              ]
            : [];
      return { trace: { vars: ['x'], states, steps }, choices, watches: [] };
    };
    const trace = { vars: ['x'], states: [state(3), state(13)], steps: [] };
    // The trace is the fourth initial state, then its one successor.
    const calls = { explore: fake, pathOfTrace: async () => ({ path: [3, 0] }) };
    const { nb } = await loadAround(calls, request, emptyNeighbourhood, trace);
    expect(nb.nodes.map((n) => n.state)).toEqual([state(3), state(13)]);
    expect(nb.paths).toEqual([[3], [3, 0]]);
  });

  it('starts from the initial states when there is no trace', async () => {
    const { nb } = await loadAround(engine, request, emptyNeighbourhood, undefined);
    expect(nb.nodes.filter((n) => n.initial)).toHaveLength(1);
    expect(nb.nodes.length).toBeGreaterThan(1);
    expect(nb.nodes.every((n) => n.depth <= 1)).toBe(true);
  });

  it('says where a trace stops replaying under the open spec', async () => {
    const checked = await checkModel(request);
    const edited = {
      ...checked.trace!,
      states: checked.trace!.states.map((s, i) =>
        i === 2 ? { ...s, big: { '#bigint': '99' } } : s,
      ),
    };
    const { nb, problem } = await loadAround(engine, request, emptyNeighbourhood, edited);
    expect(problem).toMatch(/^state 3 of the trace/);
    expect(nb.nodes.length).toBeGreaterThan(2);
  });
});
