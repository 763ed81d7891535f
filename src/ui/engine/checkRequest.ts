/** Turns what the user has open and set into the engine's request. */
import type { CheckOptions, CheckRequest } from '../../check/contract/types';
import { quintRequest } from '../../quint';
import type { AppState, ModelSettings } from '../store/state';

function runOptions(model: ModelSettings): CheckOptions {
  return {
    checkDeadlock: model.deadlock === 'cfg' ? undefined : model.deadlock === 'check',
    workers: model.workers,
    // The tab must not grow until the browser kills it (a budget from an older save may lack).
    memoryBudgetBytes:
      model.memoryBudgetMb > 0 ? Math.round(model.memoryBudgetMb * 2 ** 20) : undefined,
    collectGraph: model.recordGraph,
    maxGraphStates: model.recordGraph ? model.maxGraphStates : undefined,
  };
}

export function buildCheckRequest(state: Pick<AppState, 'files' | 'model'>): CheckRequest {
  const { files, model } = state;
  if (model.quint) {
    // A Quint spec: its main file first, the other .qnt files it may import, and a .cfg naming
    // what the side panel gives (src/quint/index.ts); Quint's tools report no deadlock by default.
    const { file, init, step, invariants, temporal } = model.quint;
    if (!(file in files)) throw new Error(`the Quint file ${file} is not open`);
    const others = Object.keys(files).filter((n) => n.endsWith('.qnt') && n !== file);
    return quintRequest(
      [file, ...others].map((name) => ({ name, text: files[name] })),
      model.mainModule,
      { init, step, invariants, temporal, checkDeadlock: model.deadlock === 'check' },
      runOptions(model),
    );
  }
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
    options: runOptions(model),
  };
}
