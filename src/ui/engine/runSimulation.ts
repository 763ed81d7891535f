/**
 * The Simulate button: random behaviours of the open model through the worker pool (shared out
 * over its workers), answered in the store as a check's result would be, so that a violation opens
 * in the trace view like any counterexample; the simulation's own figures go beside it.
 */
import type { SimulateProgress, SimulateRequest, Trace } from '../../check/contract/types';
import { appStore } from '../store';
import { buildCheckRequest } from './checkRequest';
import { preparePlusCal } from './pluscal';
import { enginePool } from './runCheck';
import { simulationAsCheckResult } from './simulationResult';

/** What one click simulates: TLC's default depth, and enough behaviours to find shallow bugs. */
export const UI_SIMULATION = { behaviours: 1000, maxSteps: 100 };

function throttled(update: (p: SimulateProgress) => void, ms = 125): (p: SimulateProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last >= ms) {
      last = now;
      update(p);
    }
  };
}

export async function runSimulation(): Promise<void> {
  if (appStore.getState().run.status === 'running') return;
  const pcal = await preparePlusCal();
  const store = appStore.getState();
  if (store.run.status === 'running') return;
  store.simulationStarted();
  if (!pcal.ok) {
    appStore.getState().runFailed(pcal.message);
    // No progress to chart: the engine never started.
    appStore.setState({ run: { ...appStore.getState().run, history: undefined } });
    return;
  }
  if (pcal.translated.length > 0)
    appStore.setState({ run: { ...appStore.getState().run, translated: pcal.translated } });
  try {
    const check = buildCheckRequest(appStore.getState());
    const request: SimulateRequest = {
      files: check.files,
      mainModule: check.mainModule,
      cfg: check.cfg,
      cfgName: check.cfgName,
      options: { ...UI_SIMULATION, checkDeadlock: check.options?.checkDeadlock },
    };
    const pool = await enginePool();
    const result = await pool.simulate(
      request,
      throttled((p) => appStore.getState().simulationProgress(p)),
    );
    // No failure: the seed's first behaviour, replayed alone, is shown as a sample of what the
    // spec does (a seed names the same behaviours whatever the worker count).
    const sample =
      result.result === 'success' && !result.trace && !result.stopped
        ? await sampleBehaviour(request, result.seed)
        : undefined;
    appStore
      .getState()
      .simulationFinished(simulationAsCheckResult(sample ? { ...result, trace: sample } : result), {
        seed: result.seed,
        behaviours: result.behaviours,
        steps: result.steps,
        generatedStates: result.generatedStates,
        failures: result.failures,
        ...(result.behaviour !== undefined ? { behaviour: result.behaviour } : {}),
        ...(sample ? { sample: 0 } : {}),
      });
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError')
      appStore.getState().runCancelled();
    else appStore.getState().runFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Behaviour 0 of `seed`, with its trace; undefined if it cannot be had (a cancel). */
async function sampleBehaviour(request: SimulateRequest, seed: number): Promise<Trace | undefined> {
  try {
    const one = await (
      await enginePool()
    ).simulate(
      { ...request, options: { ...request.options, behaviours: 1, seed, collectTraces: true } },
      undefined,
      1,
    );
    return one.traces?.[0]?.trace;
  } catch {
    return undefined;
  }
}
