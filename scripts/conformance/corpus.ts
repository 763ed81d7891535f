/**
 * The conformance corpus (../shared/corpus, see its README): TLC's results per model
 * (expected.tsv), TLC's error traces, and the small specs with TLC's reachable graphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../../src/check/contract/types';
import { parseTlcTrace } from '../../src/formats/tlc-trace';

export const CORPUS = resolve(
  process.env.SPECSTAGE_CORPUS ??
    join(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus'),
);
export const EXAMPLES = join(CORPUS, 'examples');
export const STATEGRAPHS = join(CORPUS, 'stategraphs');

export interface ExpectedModel {
  /** Paths relative to examples/. */
  module: string;
  config: string;
  result: Verdict;
  distinctStates: number;
  generatedStates: number;
  depth: number;
  tlcSeconds: number;
  tlcGeneratedPerSecond: number;
  features: string[];
  /** States in TLC's counterexample, when TLC reported one (from tlc-traces/). */
  traceLength?: number;
}

/** `DieHard/MCDieHarder.cfg` → `DieHard__MCDieHarder`: how tlc-traces/ names its files. */
function traceFileStem(config: string): string {
  return config
    .replace(/\.cfg$/, '')
    .split('/')
    .join('__');
}

export function tlcTraceLength(config: string): number | undefined {
  const file = join(CORPUS, 'tlc-traces', `${traceFileStem(config)}.tlc.txt`);
  if (!existsSync(file)) return undefined;
  return parseTlcTrace(readFileSync(file, 'utf8'))?.states.length;
}

export function readExpected(): ExpectedModel[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'expected.tsv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split('\t').map((cell, i) => [columns[i], cell]));
    const model: ExpectedModel = {
      module: cells.module,
      config: cells.config,
      result: cells.result as Verdict,
      distinctStates: Number(cells.distinctStates),
      generatedStates: Number(cells.generatedStates),
      depth: Number(cells.depth),
      tlcSeconds: Number(cells.tlcSeconds),
      tlcGeneratedPerSecond: Number(cells.tlcGeneratedPerSecond),
      features: (cells.features ?? '').split(',').filter((f) => f !== ''),
    };
    if (model.result !== 'success') model.traceLength = tlcTraceLength(model.config);
    return model;
  });
}

export function hasProperties(m: ExpectedModel): boolean {
  return m.features.includes('PROPERTY');
}

/** A short name for tables: the module path, plus the config when it is not the module's own. */
export function modelName(m: ExpectedModel): string {
  const mod = m.module.replace(/\.tla$/, '');
  const cfg = m.config.replace(/\.cfg$/, '');
  return cfg === mod ? mod : `${mod} [${cfg.split('/').pop()}]`;
}

export interface GraphCase {
  name: string;
  spec: string;
  cfg: string;
  dot: string;
}

/** Every stategraphs/X.tla that has both X.cfg and TLC's X.tla.dot. */
export function listGraphCases(): GraphCase[] {
  return readdirSync(STATEGRAPHS)
    .filter((f) => f.endsWith('.tla'))
    .map((f) => f.replace(/\.tla$/, ''))
    .filter(
      (name) =>
        existsSync(join(STATEGRAPHS, `${name}.cfg`)) &&
        existsSync(join(STATEGRAPHS, `${name}.tla.dot`)),
    )
    .sort()
    .map((name) => ({
      name,
      spec: join(STATEGRAPHS, `${name}.tla`),
      cfg: join(STATEGRAPHS, `${name}.cfg`),
      dot: join(STATEGRAPHS, `${name}.tla.dot`),
    }));
}
