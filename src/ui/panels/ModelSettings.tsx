/** What to check and how: the module, its model config and the run options. */
import { useState } from 'react';
import { appStore, useApp, useFileNames } from '../store';
import type { ModelSettings as Settings } from '../store';
import { ExportTlcButton } from '../handoff/ExportTlcButton';
import { quintModelOf, quintModulesOf } from '../store/fileNames';

const update = (change: Partial<Settings>) => appStore.getState().updateModel(change);

export function ModelSettings() {
  const model = useApp((s) => s.model);
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

  return (
    <section className="panel-section" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <div className="form-grid">
        {model.quint ? <QuintSettings /> : <TlaSettings />}
        <label htmlFor="deadlock">Deadlock</label>
        <select
          id="deadlock"
          value={model.deadlock}
          onChange={(e) => update({ deadlock: e.target.value as Settings['deadlock'] })}
        >
          <option value="cfg">
            {model.quint ? 'do not check (as Quint)' : 'as the config says'}
          </option>
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
      {!model.quint && <ExportTlcButton />}
    </section>
  );
}

/** A TLA+ spec: the module to check and its TLC model config. */
function TlaSettings() {
  const model = useApp((s) => s.model);
  const names = useFileNames();
  const modules = names.filter((n) => n.endsWith('.tla')).map((n) => n.slice(0, -4));
  const configs = names.filter((n) => n.endsWith('.cfg'));
  const quintFile = names.find((n) => n.endsWith('.qnt'));
  const files = useApp((s) => s.files);
  // A Quint file among the files: its model is set here, from Quint's default names.
  const checkQuint = (file: string) =>
    update({ ...quintModelOf(file, files[file]), deadlock: 'cfg' });
  return (
    <>
      <FileChoice
        id="main-module"
        label="Module"
        options={modules}
        value={model.mainModule}
        onChange={(mainModule) => update({ mainModule })}
      />
      <FileChoice
        id="cfg-file"
        label="Config"
        options={configs}
        value={model.cfgFile}
        onChange={(cfgFile) => update({ cfgFile })}
      />
      {quintFile && (
        <>
          <span />
          <button className="link-button" onClick={() => checkQuint(quintFile)}>
            Check {quintFile} (Quint) instead
          </button>
        </>
      )}
    </>
  );
}

/** Names typed in a field, separated by commas or spaces. */
const namesIn = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * A Quint spec (issue #20): what Quint's tools take as options, instead of a .cfg: the main
 * module (`--main`), `--init`, `--step` and the invariants (`--invariant`, `val`s of the module).
 */
function QuintSettings() {
  const model = useApp((s) => s.model);
  const quint = model.quint!;
  const files = useFileNames().filter((n) => n.endsWith('.qnt'));
  const text = useApp((s) => s.files[quint.file]);
  const modules = quintModulesOf(text);
  const set = (change: Partial<typeof quint>) => update({ quint: { ...quint, ...change } });
  const tlaTwin = tlaModelAmong(useFileNames(), quint.file);
  const checkTla = (twin: { module: string; cfg: string }) =>
    update({ mainModule: twin.module, cfgFile: twin.cfg, deadlock: 'cfg', quint: undefined });
  return (
    <>
      <FileChoice
        id="quint-file"
        label="Quint file"
        options={files}
        value={quint.file}
        onChange={(file) => set({ file })}
      />
      <FileChoice
        id="main-module"
        label="Main module"
        title="Quint's --main: the module whose definitions are checked"
        options={modules}
        value={model.mainModule}
        onChange={(mainModule) => update({ mainModule })}
      />

      <label htmlFor="quint-init">Init</label>
      <input
        id="quint-init"
        value={quint.init}
        spellCheck={false}
        onChange={(e) => set({ init: e.target.value.trim() })}
      />

      <label htmlFor="quint-step">Step</label>
      <input
        id="quint-step"
        value={quint.step}
        spellCheck={false}
        onChange={(e) => set({ step: e.target.value.trim() })}
      />

      <label htmlFor="quint-invariants" title="vals of the main module, separated by commas">
        Invariants
      </label>
      <NamesField
        id="quint-invariants"
        key={quint.invariants.join(',')}
        names={quint.invariants}
        onDone={(names) => set({ invariants: names })}
      />

      <label
        htmlFor="quint-temporal"
        title="temporal definitions of the main module (Quint's --temporal), separated by commas: checked under the fairness they state (weakFair, strongFair)"
      >
        Temporal
      </label>
      <NamesField
        id="quint-temporal"
        key={`t:${(quint.temporal ?? []).join(',')}`}
        names={quint.temporal ?? []}
        onDone={(names) => set({ temporal: names.length ? names : undefined })}
      />
      {tlaTwin && (
        <>
          <span />
          <button className="link-button" onClick={() => checkTla(tlaTwin)}>
            Check {tlaTwin.module}.tla (TLA+) instead
          </button>
        </>
      )}
    </>
  );
}

/**
 * A TLA+ module with a config among the open files, to switch a Quint model back to: the one of
 * the Quint file's name first (a spec kept in both languages), else the first pair.
 */
function tlaModelAmong(
  names: string[],
  quintFile: string,
): { module: string; cfg: string } | undefined {
  const modules = names.filter((n) => n.endsWith('.tla')).map((n) => n.slice(0, -4));
  const paired = modules.filter((m) => names.includes(`${m}.cfg`));
  const module = paired.find((m) => `${m}.qnt` === quintFile) ?? paired[0];
  return module ? { module, cfg: `${module}.cfg` } : undefined;
}

/**
 * Names (invariants, temporal properties) as one line, kept as typed until the field is left (or
 * Enter), so that a comma can be typed; a new model (another example, a share link) gives it a new
 * key and a fresh line.
 */
function NamesField({
  id,
  names,
  onDone,
}: {
  id: string;
  names: string[];
  onDone: (names: string[]) => void;
}) {
  const [text, setText] = useState(names.join(', '));
  return (
    <input
      id={id}
      value={text}
      spellCheck={false}
      placeholder="none"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => onDone(namesIn(text))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(namesIn(text));
      }}
    />
  );
}

const workersHint = (cores: number) =>
  `Web Workers that share the check (1 to ${cores}, this device's cores): each keeps part of the ` +
  'states seen and explores its share of every level. More workers finish sooner on a large ' +
  'model and give the same answer; one core less than the device has keeps the page responsive.';

const memoryHint =
  'The check stops, with a message, when the states it keeps would pass this much memory: a ' +
  'spec with no bound then stops instead of growing the tab until the browser kills it.';

/**
 * A labelled choice among the open files' names (modules, configs, Quint files). The chosen one
 * stays listed even after it was closed, so that the select shows what will fail.
 */
function FileChoice({
  id,
  label,
  title,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  title?: string;
  options: string[];
  value: string;
  onChange: (value: string) => void;
}) {
  const listed = options.includes(value) ? options : [value, ...options];
  return (
    <>
      <label htmlFor={id} title={title}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {listed.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </>
  );
}

function clamp(n: number, low: number, high: number): number {
  return Number.isFinite(n) ? Math.min(high, Math.max(low, Math.round(n))) : low;
}
