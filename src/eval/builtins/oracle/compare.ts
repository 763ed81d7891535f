/**
 * Compares the engine with TLC's recorded answers (cases.tlc.json) and with the library modules'
 * own TLA+ text, expression by expression: the same value, or an error on both sides.
 */
import { equals } from '../../../core/values';
import { resetStringRanksForTesting } from '../../../core/string-order';
import { printValue } from '../../print';
import { type EvalBatch, type Outcome, evaluateBatch } from './engine';
import type { TlcAnswer } from './tlc';
import { readTlcValue } from './tlc-values';

/** TLC's answers by batch name, then by expression. */
export type Recorded = Record<string, Record<string, TlcAnswer>>;

/** The operator an expression applies (its first name), to decide what its oracle is. */
export function operatorOf(expr: string): string {
  if (expr.startsWith('[')) return '[';
  const m = /^(?:Cardinality\()?([A-Za-z_]+)/.exec(expr);
  if (m) return m[1];
  const infix = /^\(.*?\) (\S+) \(/.exec(expr);
  return infix ? infix[1] : expr;
}

/**
 * Operators whose TLC oracle is Java (standard modules) or a placeholder given its intended
 * meaning: their native is not compared with the module's TLA+ text.
 */
const NOT_TEXT = new Set([
  ...[
    'IsABag',
    'BagToSet',
    'SetToBag',
    'BagIn',
    'CopiesIn',
    'EmptyBag',
    '(+)',
    '(-)',
    'BagUnion',
    '\\sqsubseteq',
    'BagOfAll',
    'BagCardinality',
  ],
  ...[
    'RandomSubset',
    'RandomSetOfSubsets',
    'TLCModelValue',
    'TLCGetOrDefault',
    'PickSuccessor',
    'atoi',
  ],
  ...[
    'ToJson',
    'ToJsonArray',
    'ToJsonObject',
    'AreConnectedIn',
    'SimplePath',
    'ConnectedComponents',
    'IsStronglyConnected',
    '[',
  ],
]);

/** Operators that draw at random: only "value or error" is compared. */
const RANDOM = /^(RandomSubset|RandomSetOfSubsets)\(/;

/**
 * Why the engine knowingly differs from TLC 2.20 on an expression (known-differences.json maps
 * `batch:expression` to one of these): the engine's kernel, a TLC quirk or a placeholder's intended
 * meaning, never a native's slip. Each entry is checked to still differ, so that a fix shows up as
 * stale.
 */
export const DIFFERENCE_CLASSES: Record<string, string> = {
  incomparable:
    'TLC fails comparing the edge <<"p", 7>> with node pairs in its own text (SimplePath); the native search skips an endpoint that is not a node, as the Community Modules\' Java does',
  'except-outside-domain':
    'TLC fails on [f EXCEPT ![k] = v] when f is a record without the field k (only warns for a tuple); the engine leaves f unchanged (kernel)',
  'infinite-domain':
    "TLC prints [x \\in Nat |-> …] with its body unevaluated; the engine's function over Nat can be applied but not printed (kernel)",
  'bags-wrap':
    "TLC 2.20's Bags Java adds counts with a silent 32-bit wrap (later TLC reports the overflow); the engine reports it, as it does for every integer",
  representation:
    "TLC's Json answers by how it holds a value (a function it built over 1..n is an array for ToJsonObject, a tuple literal an object); the engine holds both as tuples",
  'action-level':
    'TLC refuses PickSuccessor below action level (here an ASSUME); the engine gives its value, TRUE for a TRUE condition',
  placeholder:
    "TLC 2.20 evaluates the placeholder text (atoi: CHOOSE i \\in Int : …, which it cannot enumerate); the engine computes what the Community Modules' Java computes",
};

/** The classes of known-differences.json, by `batch:expression`. */
export type KnownDifferences = Record<string, string>;

function show(o: Outcome): string {
  return 'value' in o ? printValue(o.value) : `error: ${o.error.split('\n')[0]}`;
}

function agrees(o: Outcome, tlc: TlcAnswer, random: boolean): boolean {
  if (tlc === null || 'error' in o) return tlc === null && 'error' in o;
  if (random) return true;
  try {
    return equals(readTlcValue(tlc), o.value);
  } catch {
    return printValue(o.value) === tlc;
  }
}

function same(a: Outcome, b: Outcome): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b;
  try {
    return equals(a.value, b.value);
  } catch {
    return printValue(a.value) === printValue(b.value);
  }
}

export interface Comparison {
  compared: number;
  textCompared: number;
  /** Disagreements not in known-differences.json, known ones that no longer differ, natives vs text. */
  differences: string[];
}

/**
 * Operators whose TLA+ text takes seconds on the cases (ReplaceAllSubSeqs enumerates
 * BoundedSeq(BoundedSeq(Range(t), Len(t)), Len(t))): TLC's answers cover them.
 */
const SLOW_TEXT = new Set(['ReplaceAllSubSeqs']);

export async function compareBatch(
  batch: EvalBatch & { name: string },
  recorded: Record<string, TlcAnswer> | undefined,
  opts: {
    /** Compare one expression in `sample` (a fixed slice), the TLA+ text on one in 2 × `sample`. */
    sample?: number;
    skipSlowText?: boolean;
    known?: KnownDifferences;
    unexplained?: (expr: string, tlc: TlcAnswer, native: Outcome) => void;
  } = {},
): Promise<Comparison> {
  const every = opts.sample ?? 1;
  batch = { ...batch, exprs: batch.exprs.filter((_, i) => i % every === 0) };
  // Each batch's TLC run interned its strings afresh: so do we (the string order decides CHOOSE).
  resetStringRanksForTesting();
  const natives = await evaluateBatch(batch, true);
  const skipText = (e: string, i: number): boolean =>
    (opts.skipSlowText === true && SLOW_TEXT.has(operatorOf(e))) || (every > 1 && i % 2 !== 0);
  const textBatch = { ...batch, exprs: batch.exprs.map((e, i) => (skipText(e, i) ? 'TRUE' : e)) };
  resetStringRanksForTesting();
  const text = await evaluateBatch(textBatch, false);
  const differences: string[] = [];
  let compared = 0;
  let textCompared = 0;
  batch.exprs.forEach((e, i) => {
    const op = operatorOf(e);
    const random = RANDOM.test(e);
    if (recorded && Object.hasOwn(recorded, e)) {
      compared++;
      const ok = agrees(natives[i], recorded[e], random);
      const cls = opts.known?.[`${batch.name}:${e}`];
      if (cls !== undefined && !Object.hasOwn(DIFFERENCE_CLASSES, cls))
        differences.push(`unknown difference class ${cls}: ${e}`);
      if (!ok && cls === undefined) {
        differences.push(
          `TLC ${e}\n      TLC:    ${recorded[e] ?? 'error'}\n      native: ${show(natives[i])}`,
        );
        opts.unexplained?.(e, recorded[e], natives[i]);
      }
      if (ok && cls !== undefined)
        differences.push(`stale known difference (now agrees with TLC): ${e}`);
    }
    if (!NOT_TEXT.has(op) && !random && textBatch.exprs[i] === e) {
      textCompared++;
      if (!same(natives[i], text[i]))
        differences.push(
          `TEXT ${e}\n      text:   ${show(text[i])}\n      native: ${show(natives[i])}`,
        );
    }
  });
  return { compared, textCompared, differences };
}
