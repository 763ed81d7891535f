/**
 * The library's natives against the modules' own TLA+ text, in the bench (not in tests): each
 * expression repeats a library operator in a loop, as a spec's invariant or action does on every
 * state, and is evaluated by the engine with the natives and from the TLA+ definitions (the
 * modules given as a user's files under other names: oracle/engine.ts). Milliseconds of one
 * evaluation after a warm-up one, and the ratio.
 *
 *   npx tsx scripts/bench-library.ts        (also the last table of `npm run bench`; --library 0 skips it)
 */
import { evaluateBatch, type Outcome } from '../src/eval/builtins/oracle/engine';

const EXTENDS = [
  'Integers',
  'Sequences',
  'FiniteSets',
  'TLC',
  'Bags',
  'BagsExt',
  'SequencesExt',
  'FiniteSetsExt',
  'Functions',
  'Folds',
];

/** Each a loop over a hot operator, on arguments that depend on i (a constant one is computed once); each is TRUE. */
const CASES = [
  '\\A i \\in 1..300 : FoldSet(LAMBDA x, y : x + y, 0, i..i + 59) = 60 * i + 1770',
  '\\A i \\in 1..300 : SumSet(i..i + 59) = 60 * i + 1770',
  '\\A i \\in 1..300 : Max(i..i + 59) = i + 59 /\\ Min(i..i + 59) = i',
  '\\A i \\in 1..300 : Quantify(i..i + 59, LAMBDA x : x % 2 = 0) = 30',
  '\\A i \\in 1..60 : Cardinality(kSubset(3, i..i + 9)) = 120',
  '\\A i \\in 1..300 : FoldLeft(LAMBDA a, b : a + b, 0, [j \\in 1..60 |-> j + i]) = 60 * i + 1830',
  '\\A i \\in 1..300 : Reverse([j \\in 1..60 |-> j + i])[1] = 60 + i',
  '\\A i \\in 1..300 : ToSet([j \\in 1..60 |-> (j + i) % 7]) = 0..6',
  '\\A i \\in 1..300 : IsInjective([j \\in 1..60 |-> j + i])',
  '\\A i \\in 1..300 : Range([j \\in 1..60 |-> (j + i) % 7]) = 0..6',
  '\\A i \\in 1..300 : BagCardinality(SetToBag(i..i + 59) (+) SetToBag(i..i + 29)) = 90',
  '\\A i \\in 1..300 : CopiesIn(i, SetToBag(i..i + 59) (+) SetToBag(i..i + 29)) = 2',
  '\\A i \\in 1..300 : SumBag(SetToBag(i..i + 59)) = 60 * i + 1770',
  '\\A i \\in 1..300 : SelectInSeq([j \\in 1..60 |-> j + i], LAMBDA x : x = 40 + i) = 40',
  '\\A i \\in 1..60 : Cardinality(SetToSeqs(i..i + 4)) = 120',
];

function ms(o: Outcome): string {
  return 'error' in o ? `error: ${o.error.split('\n')[0]}` : (o.ms ?? 0).toFixed(1);
}

/** The median of each expression's time over `runs` evaluations (after two that warm up). */
async function medians(natives: boolean, runs = 5): Promise<Outcome[]> {
  const batch = { extends: EXTENDS, exprs: CASES };
  for (let w = 0; w < 2; w++) await evaluateBatch(batch, natives); // compile, warm the JIT
  const all: Outcome[][] = [];
  for (let r = 0; r < runs; r++) all.push(await evaluateBatch(batch, natives));
  return CASES.map((_, i) => {
    const times = all.map((o) => o[i].ms ?? 0).sort((a, b) => a - b);
    return { ...all[0][i], ms: times[times.length >> 1] };
  });
}

export async function libraryTable(): Promise<void> {
  const natives = await medians(true);
  const text = await medians(false);
  console.log(
    '\nLibrary operators: one evaluation, natives vs the TLA+ definitions (median ms of 5)',
  );
  console.log(
    ['expression'.padEnd(72), 'native'.padStart(8), 'text'.padStart(9), 'ratio'.padStart(7)].join(
      ' ',
    ),
  );
  CASES.forEach((e, i) => {
    const n = natives[i];
    const t = text[i];
    const ratio = 'value' in n && 'value' in t && n.ms && t.ms ? (t.ms / n.ms).toFixed(1) : '';
    console.log(
      [e.slice(0, 72).padEnd(72), ms(n).padStart(8), ms(t).padStart(9), ratio.padStart(7)].join(
        ' ',
      ),
    );
  });
}

if (process.argv[1]?.endsWith('bench-library.ts')) await libraryTable();
