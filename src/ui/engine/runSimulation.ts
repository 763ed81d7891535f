/**
 * The Simulate button: random behaviours of the open model through the worker pool (shared out
 * over its workers), answered in the store as a check's result would be, so that a violation opens
 * in the trace view like any counterexample; the simulation's own figures go beside it.
 */
import type { SimulateProgress, SimulateRequest } from '../../check/types';
import { appStore } from '../store';
import { buildCheckRequest } from './checkRequest';
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
  const store = appStore.getState();
  if (store.run.status === 'running') return;
  store.simulationStarted();
  try {
    const check = buildCheckRequest(appStore.getState());
    const request: SimulateRequest = {
      files: check.files,
      mainModule: check.mainModule,
      cfg: check.cfg,
      cfgName: check.cfgName,
      options: { ...UI_SIMULATION, checkDeadlock: check.options?.checkDeadlock },
    };
    const result = await (
      await enginePool()
    ).simulate(
      request,
      throttled((p) => appStore.getState().simulationProgress(p)),
    );
    appStore.getState().simulationFinished(simulationAsCheckResult(result), {
      seed: result.seed,
      behaviours: result.behaviours,
      steps: result.steps,
      generatedStates: result.generatedStates,
      failures: result.failures,
      ...(result.behaviour !== undefined ? { behaviour: result.behaviour } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError')
      appStore.getState().runCancelled();
    else appStore.getState().runFailed(error instanceof Error ? error.message : String(error));
  }
}
