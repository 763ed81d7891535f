/**
 * The corpus test, in shards so that vitest runs them in parallel (parsing 2.7 MB of TLA+ is the
 * cost): every .tla file of ../shared/corpus parses with no syntax error, and every module with
 * the modules it uses (beside it, then in corpus/modules/*) resolves with no diagnostic at all,
 * but for the few files listed in KNOWN_PROBLEMS.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSpec } from '../../src/tla/analyze/analyze';
import type { ParseResult } from '../../src/tla/parse/parser';
import { parseModuleText } from '../../src/tla/parse/parser';
import { CORPUS, corpusLoader, loadParser, tlaFilesUnder } from './support';

/** Corpus files whose diagnostics are right: what TLC would find too, or a module not in the corpus. */
const KNOWN_PROBLEMS: Record<string, { codes: string[]; reason: string }> = {
  'examples/FiniteMonotonic/CRDT_proof.tla': {
    codes: ['missing-module'],
    reason: 'EXTENDS FunctionTheorems, a TLAPS library module missing from corpus/modules',
  },
  'examples/bcastByz/bcastByz.tla': {
    codes: ['missing-module'],
    reason: 'EXTENDS FunctionTheorems, a TLAPS library module missing from corpus/modules',
  },
  'modules/tlaps/BagsTheorems.tla': {
    codes: ['undefined-name', 'duplicate-definition'],
    reason:
      'older than corpus Bags.tla: uses Range and Cardinality without importing them, and defines CopiesIn again (SANY: the same errors)',
  },
  'quint/classic/distributed/LamportMutex/LamportMutex.tla': {
    codes: ['module-name'],
    reason:
      'the file holds MODULE LamportMutexTyped, and TLC requires file and module names to match',
  },
  'quint/classic/distributed/ewd840/EWD840.tla': {
    codes: ['missing-module'],
    reason: 'INSTANCE SyncTerminationDetection, a module the Quint examples do not hold',
  },
  'quint/classic/distributed/Paxos/Paxos.tla': {
    codes: ['missing-module'],
    reason: 'Voting.tla instantiates Consensus, a module the Quint examples do not hold',
  },
  'quint/classic/distributed/Paxos/Voting.tla': {
    codes: ['missing-module'],
    reason: 'INSTANCE Consensus, a module the Quint examples do not hold',
  },
  'stategraphs/ClientCentricExecutable.tla': {
    codes: ['module-name'],
    reason: 'the file holds MODULE ClientCentric, and TLC requires file and module names to match',
  },
};

/**
 * About 2 s per shard on an idle 2-core machine; the limit leaves room for a machine busy with
 * other work (the parse is CPU-bound WebAssembly).
 */
const SLOW_MACHINE_MS = 120_000;

/** Directories dealt round-robin by size, so each shard parses its specs and their neighbours. */
function shardFiles(index: number, count: number): string[] {
  const byDir = new Map<string, string[]>();
  for (const file of tlaFilesUnder(CORPUS)) {
    const dir = dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const loads = new Array<number>(count).fill(0);
  const shards: string[][] = Array.from({ length: count }, () => []);
  const size = (files: string[]) => files.reduce((n, f) => n + readFileSync(f).length, 0);
  const dirs = [...byDir.entries()].map(([, files]) => ({ files, size: size(files) }));
  for (const { files, size: s } of dirs.sort((a, b) => b.size - a.size)) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += s;
    shards[lightest].push(...files);
  }
  return shards[index];
}

export function describeCorpusShard(index: number, count: number): void {
  const files = shardFiles(index, count);
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const parseCache = new Map<string, { text: string; result: ParseResult }>();
  const name = (f: string) => relative(CORPUS, f);

  describe(`corpus shard ${index + 1}/${count}`, () => {
    beforeAll(loadParser);

    it(
      `parses ${files.length} .tla files to ASTs with no syntax error`,
      () => {
        const problems: string[] = [];
        for (const file of files) {
          const text = texts.get(file)!;
          const result = parseModuleText(text, file);
          parseCache.set(file, { text, result });
          if (!result.module) problems.push(`${name(file)}: no module`);
          for (const d of result.diagnostics) {
            problems.push(
              `${name(file)}:${d.range.start.line}:${d.range.start.column}: ${d.message}`,
            );
          }
        }
        expect(problems).toEqual([]);
      },
      SLOW_MACHINE_MS,
    );

    it(
      `resolves the ${files.length} modules and their dependencies with no diagnostic`,
      () => {
        const problems: string[] = [];
        for (const file of files) {
          const analysis = analyzeSpec(basename(file, '.tla'), {
            files: { [file]: texts.get(file)! },
            loader: corpusLoader(file),
            parseCache,
          });
          const known = KNOWN_PROBLEMS[name(file)];
          if (known) {
            // The listed problem must really be there, and be the only kind of problem.
            expect(analysis.diagnostics.map((d) => d.code).sort()).toContain(known.codes[0]);
            expect(analysis.diagnostics.filter((d) => !known.codes.includes(d.code))).toEqual([]);
            continue;
          }
          for (const d of analysis.diagnostics) {
            problems.push(
              `${name(file)} → ${d.range.module}:${d.range.start.line}:${d.range.start.column}: [${d.code}] ${d.message}`,
            );
          }
        }
        expect(problems).toEqual([]);
      },
      SLOW_MACHINE_MS,
    );
  });
}
