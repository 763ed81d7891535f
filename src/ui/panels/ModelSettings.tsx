/** What to check and how: the module, its model config and the run options. */
import { appStore, useApp, useFileNames } from '../store';
import type { ModelSettings as Settings } from '../store';
import { ExportTlcButton } from '../handoff/ExportTlcButton';

const update = (change: Partial<Settings>) => appStore.getState().updateModel(change);

export function ModelSettings() {
  const model = useApp((s) => s.model);
  const names = useFileNames();
  const modules = names.filter((n) => n.endsWith('.tla')).map((n) => n.slice(0, -4));
  const configs = names.filter((n) => n.endsWith('.cfg'));
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

  return (
    <section className="panel-section" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <div className="form-grid">
        <label htmlFor="main-module">Module</label>
        <select
          id="main-module"
          value={model.mainModule}
          onChange={(e) => update({ mainModule: e.target.value })}
        >
          {withCurrent(modules, model.mainModule).map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>

        <label htmlFor="cfg-file">Config</label>
        <select
          id="cfg-file"
          value={model.cfgFile}
          onChange={(e) => update({ cfgFile: e.target.value })}
        >
          {withCurrent(configs, model.cfgFile).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>

        <label htmlFor="deadlock">Deadlock</label>
        <select
          id="deadlock"
          value={model.deadlock}
          onChange={(e) => update({ deadlock: e.target.value as Settings['deadlock'] })}
        >
          <option value="cfg">as the config says</option>
          <option value="check">check</option>
          <option value="skip">do not check</option>
        </select>

        <label htmlFor="workers" title={workersHint(cores)}>
          Workers
        </label>
        <input
          id="workers"
          title={workersHint(cores)}
          type="number"
          min={1}
          max={cores}
          value={model.workers}
          onChange={(e) => update({ workers: clamp(e.target.valueAsNumber, 1, cores) })}
        />

        <label htmlFor="memory-budget" title={memoryHint}>
          Memory
        </label>
        <span className="form-inline" title={memoryHint}>
          <input
            id="memory-budget"
            type="number"
            min={16}
            step={256}
            value={model.memoryBudgetMb}
            onChange={(e) => update({ memoryBudgetMb: clamp(e.target.valueAsNumber, 16, 16384) })}
          />
          <span>MiB at most</span>
        </span>

        <label htmlFor="record-graph">State graph</label>
        <span className="form-inline">
          <input
            id="record-graph"
            type="checkbox"
            checked={model.recordGraph}
            onChange={(e) => update({ recordGraph: e.target.checked })}
          />
          <span>keep up to</span>
          <input
            type="number"
            aria-label="Most states to record"
            min={1}
            step={500}
            disabled={!model.recordGraph}
            value={model.maxGraphStates}
            onChange={(e) => update({ maxGraphStates: clamp(e.target.valueAsNumber, 1, 1e6) })}
          />
          <span>states</span>
        </span>
      </div>
      <ExportTlcButton />
    </section>
  );
}

const workersHint = (cores: number) =>
  `Web Workers that share the check (1 to ${cores}, this device's cores): each keeps part of the ` +
  'states seen and explores its share of every level. More workers finish sooner on a large ' +
  'model and give the same answer; one core less than the device has keeps the page responsive.';

const memoryHint =
  'The check stops, with a message, when the states it keeps would pass this much memory: a ' +
  'spec with no bound then stops instead of growing the tab until the browser kills it.';

/** Keeps a chosen file listed even after it was closed, so the select shows what will fail. */
function withCurrent(options: string[], current: string): string[] {
  return options.includes(current) ? options : [current, ...options];
}

function clamp(n: number, low: number, high: number): number {
  return Number.isFinite(n) ? Math.min(high, Math.max(low, Math.round(n))) : low;
}
