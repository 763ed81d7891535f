/**
 * The regression corpus: expressions on which we once disagreed with TLC, with TLC's answer
 * recorded as data, so that the regression test runs without Java. One file per batch layout
 * (standard modules, community modules): all its cases form one module, in order, and TLC's
 * answers are those for that very module (strings are interned per module, so a case's answer may
 * depend on the text before it). `record.ts` re-records every answer whenever a case is added.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BatchLayout, batchModule, type ExprCase, type TlcOutcome } from './batch';
import { layoutFor } from './run-exprs';

export interface CorpusCase extends ExprCase {
  /** The class of disagreement it showed when found (`we-accept`, `print`, …). */
  found: string;
  /** What was wrong, and what fixed it. */
  note: string;
  /** Still disagreeing, for this reason (see explained.ts); the test reports it as a todo. */
  known?: string;
  tlc?: TlcOutcome;
}

export interface CorpusFile {
  /** The module's name. */
  name: string;
  community: boolean;
  cases: CorpusCase[];
}

export const CORPUS_DIR = fileURLToPath(
  new URL('../../tests/differential/corpus', import.meta.url),
);

export const CORPUS_FILES = ['standard.json', 'community.json'];

export function readCorpus(file: string): CorpusFile {
  return JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as CorpusFile;
}

export function writeCorpus(file: string, c: CorpusFile): void {
  writeFileSync(join(CORPUS_DIR, file), JSON.stringify(c, null, 1) + '\n');
}

export function corpusLayout(c: CorpusFile): BatchLayout {
  return layoutFor(c.community);
}

/** The module of a corpus: its cases in order, numbered by their ids. */
export function corpusModule(c: CorpusFile): ReturnType<typeof batchModule> {
  return batchModule(c.name, corpusLayout(c), c.cases);
}
