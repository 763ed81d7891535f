/**
 * Random damage to real specs: deletions, swaps, insertions of stray tokens, truncation. The
 * front end must answer every time (a diagnostics list, sane ranges, an outline, definitions at
 * random places), never throw and never hang. Seeded, so a failure replays.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { analyzeSpec } from '../../src/tla/analyze/analyze';
import type { Diagnostic } from '../../src/tla/ast/ast';
import { definitionAt, hoverAt, outline } from '../../src/tla/editor/language-service';
import { type ParseResult, parseModuleText } from '../../src/tla/parse/parser';
import { printModule } from '../../src/tla/ast/ast-print';
import { CORPUS, corpusLoader, loadParser, tlaFilesUnder } from './support';

const SEED = 20261121;
const CASES = 400;
const MAX_CASE_MS = 2000;

const STRAY = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<<',
  '>>',
  '/\\',
  '\\/',
  '==',
  '=',
  "'",
  '\\A x \\in S :',
  'EXCEPT',
  'LET',
  'IN',
  'IF',
  'THEN',
  'CASE',
  '->',
  '[]',
  '----',
  '====',
  '"',
  '(*',
  '*)',
  '\\*',
  ',',
  ':',
  '!',
  '@',
  'LAMBDA',
  'MODULE',
  'EXTENDS',
  'INSTANCE',
  'RECURSIVE',
  '_',
  '\n',
  '\n/\\ ',
  '\n  \\/ ',
];

/** mulberry32: small, fast, good enough to pick edits. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, rand: () => number): string {
  const at = (n = text.length) => Math.floor(rand() * (n + 1));
  const edits = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < edits; i++) {
    const kind = Math.floor(rand() * 5);
    const p = at();
    if (kind === 0) {
      text = text.slice(0, p) + text.slice(p + 1 + Math.floor(rand() * 40)); // delete a span
    } else if (kind === 1) {
      const lines = text.split('\n'); // swap two lines
      const a = at(lines.length - 1);
      const b = at(lines.length - 1);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    } else if (kind === 2) {
      text = text.slice(0, p) + STRAY[Math.floor(rand() * STRAY.length)] + text.slice(p); // insert
    } else if (kind === 3) {
      const len = Math.floor(rand() * 60); // move a span elsewhere
      const span = text.slice(p, p + len);
      const rest = text.slice(0, p) + text.slice(p + len);
      const q = at(rest.length);
      text = rest.slice(0, q) + span + rest.slice(q);
    } else {
      text = text.slice(0, p); // truncate
    }
  }
  return text;
}

function saneRange(d: Diagnostic): boolean {
  const { start, end } = d.range;
  const ordered = start.line < end.line || (start.line === end.line && start.column <= end.column);
  return (
    start.line >= 1 &&
    start.column >= 1 &&
    ordered &&
    typeof d.code === 'string' &&
    d.message !== ''
  );
}

const specs = tlaFilesUnder(`${CORPUS}/examples`).filter((f) => statSync(f).size < 6000);

beforeAll(loadParser);

it(`survives ${CASES} random edits of ${specs.length} corpus specs (seed ${SEED})`, () => {
  const rand = random(SEED);
  const parseCache = new Map<string, { text: string; result: ParseResult }>();
  let slowest = 0;
  for (let n = 0; n < CASES; n++) {
    const file = specs[Math.floor(rand() * specs.length)];
    const text = mutate(readFileSync(file, 'utf8'), rand);
    const started = performance.now();
    const label = `case ${n}: ${relative(CORPUS, file)}`;
    const analysis = analyzeSpec(basename(file, '.tla'), {
      files: { [file]: text },
      loader: corpusLoader(file),
      parseCache,
    });
    expect(Array.isArray(analysis.diagnostics), label).toBe(true);
    expect(
      analysis.diagnostics.filter((d) => !saneRange(d)),
      label,
    ).toEqual([]);
    if (analysis.main) {
      outline(analysis.main);
      const lines = text.split('\n');
      for (let k = 0; k < 5; k++) {
        const line = 1 + Math.floor(rand() * lines.length);
        const column = 1 + Math.floor(rand() * ((lines[line - 1]?.length ?? 0) + 1));
        definitionAt(analysis, analysis.main.name, { line, column });
        hoverAt(analysis, analysis.main.name, { line, column });
      }
    }
    const elapsed = performance.now() - started;
    slowest = Math.max(slowest, elapsed);
    expect(elapsed, label).toBeLessThan(MAX_CASE_MS);
  }
  expect(slowest).toBeLessThan(MAX_CASE_MS);
}, 120_000);

const INCREMENTAL_CASES = 150;

it(`re-parses incrementally to the same AST as a fresh parse: ${INCREMENTAL_CASES} random edits (seed ${SEED})`, () => {
  const rand = random(SEED + 1);
  for (let n = 0; n < INCREMENTAL_CASES; n++) {
    const file = specs[Math.floor(rand() * specs.length)];
    const original = readFileSync(file, 'utf8');
    const edited = mutate(original, rand);
    const name = `incremental/Spec${n}.tla`;
    parseModuleText(original, name); // leaves the tree for `name` in the parser's cache
    const incremental = parseModuleText(edited, name);
    const fresh = parseModuleText(edited, `fresh/Spec${n}.tla`); // same module name
    const label = `case ${n}: ${relative(CORPUS, file)}`;
    expect(incremental.modules.map(printModule), label).toEqual(fresh.modules.map(printModule));
    expect(incremental.diagnostics, label).toEqual(fresh.diagnostics);
  }
}, 120_000);
