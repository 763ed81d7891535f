/**
 * Neighbourhood mode's state: what has been explored so far around the shown trace. A new run
 * starts it afresh; a new trace adds its states and their successors unless they are all there
 * already (a trace chosen by clicking a state of the neighbourhood is). Engine calls run one after
 * another, each from the latest neighbourhood, so two quick clicks both count.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Trace } from '../../../check/contract/types';
import { poolCalls } from '../../engine/runCheck';
import { explore, specRequest } from './engine/exploreCalls';
import { locateStates } from './model/drawnGraph';
import { expandNode, loadAround } from './model/loadNeighbourhood';
import { emptyNeighbourhood, type Neighbourhood } from './model/neighbourhood';
import { canonicalStateKey } from '../../../trace/keys';

export interface NeighbourhoodState {
  nb: Neighbourhood;
  busy: boolean;
  problem?: string;
}

export function useNeighbourhood(run: unknown, trace: Trace | undefined) {
  const [state, setState] = useState<NeighbourhoodState>({ nb: emptyNeighbourhood, busy: true });
  /** The latest neighbourhood, ahead of React's next render. */
  const latest = useRef<Neighbourhood>(emptyNeighbourhood);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const generation = useRef(0);

  /** Runs `job` after the jobs before it; drops its answer if a new run started meanwhile. */
  const enqueue = useCallback(
    <T>(job: (nb: Neighbourhood) => Promise<{ nb: Neighbourhood; problem?: string } & T>) => {
      const mine = generation.current;
      setState((s) => ({ ...s, busy: true }));
      const done = queue.current.then(async () => {
        if (mine !== generation.current) return undefined;
        try {
          const answer = await job(latest.current);
          if (mine !== generation.current) return undefined;
          latest.current = answer.nb;
          setState({ nb: answer.nb, busy: false, problem: answer.problem });
          return answer;
        } catch (error) {
          setState({ nb: latest.current, busy: false, problem: (error as Error).message });
          return undefined;
        }
      });
      queue.current = done;
      return done;
    },
    [],
  );

  const lastRun = useRef<unknown>(undefined);
  useEffect(() => {
    if (lastRun.current !== run) {
      lastRun.current = run;
      generation.current++;
      latest.current = emptyNeighbourhood;
    }
    const keys = trace?.states.map(canonicalStateKey) ?? [];
    const nb = latest.current;
    if (nb.nodes.length > 0 && locateStates(nb, keys).every((n) => n >= 0)) return;
    void enqueue((from) => loadAround(poolCalls, specRequest(), from, trace));
  }, [run, trace, enqueue]);

  /** Adds a state's successors; resolves to the trace that reaches it. */
  const expand = useCallback(
    async (node: number): Promise<Trace | undefined> => {
      const answer = await enqueue((from) => expandNode(explore, specRequest(), from, node));
      return answer?.trace;
    },
    [enqueue],
  );

  return { ...state, expand };
}
