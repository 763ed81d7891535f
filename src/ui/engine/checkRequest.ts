/** Turns what the user has open and set into the engine's request. */
import type { CheckRequest } from '../../check/contract/types';
import type { AppState } from '../store/state';

export function buildCheckRequest(state: Pick<AppState, 'files' | 'model'>): CheckRequest {
  const { files, model } = state;
  const cfg = files[model.cfgFile];
  if (cfg === undefined) throw new Error(`the model config ${model.cfgFile} is not open`);
  if (!(`${model.mainModule}.tla` in files)) {
    throw new Error(`the module ${model.mainModule} is not open (no ${model.mainModule}.tla)`);
  }
  return {
    files: Object.entries(files)
      .filter(([name]) => name.endsWith('.tla'))
      .map(([name, text]) => ({ name, text })),
    mainModule: model.mainModule,
    cfg,
    cfgName: model.cfgFile,
    options: {
      checkDeadlock: model.deadlock === 'cfg' ? undefined : model.deadlock === 'check',
      workers: model.workers,
      // The tab must not grow until the browser kills it (a budget from an older save may lack).
      memoryBudgetBytes:
        model.memoryBudgetMb > 0 ? Math.round(model.memoryBudgetMb * 2 ** 20) : undefined,
      collectGraph: model.recordGraph,
      maxGraphStates: model.recordGraph ? model.maxGraphStates : undefined,
    },
  };
}
