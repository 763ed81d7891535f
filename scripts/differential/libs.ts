/**
 * The modules expressions may use, and the library files our engine is handed for them (as the
 * CLI's `--lib` does) until the engine ships them built in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../src/check/contract/types';
import { CORPUS } from '../conformance/corpus';

export const MODULE_DIRS = ['standard', 'community', 'tlaps', 'apalache'].map((d) =>
  join(CORPUS, 'modules', d),
);

/** Kernel and standard modules every batch extends. */
export const STANDARD_EXTENDS = [
  'Naturals',
  'Integers',
  'Sequences',
  'FiniteSets',
  'TLC',
  'TLCExt',
  'Bags',
];

/** Community modules of the community batches (Graphs and UndirectedGraphs clash: Graphs only). */
export const COMMUNITY_EXTENDS = [
  'SequencesExt',
  'Functions',
  'FiniteSetsExt',
  'Folds',
  'BagsExt',
  'Relation',
  'Graphs',
  'Combinatorics',
  'Bitwise',
];

export const MODEL_VALUES = ['m1', 'm2', 'm3'];

let cached: SourceFile[] | undefined;

/** Every `.tla` of the corpus's library directories (the first of a name wins, as on a path). */
export function libraryFiles(): SourceFile[] {
  if (cached) return cached;
  const seen = new Set<string>();
  const out: SourceFile[] = [];
  for (const dir of MODULE_DIRS) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.tla') || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  cached = out;
  return out;
}
