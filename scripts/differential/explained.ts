/**
 * Disagreements with TLC that we understand and keep, each with the reason. An entry matches a
 * class of disagreement by what it is (the two outcomes, TLC's message), never one expression; the
 * report counts them apart. Keep this list short: a disagreement that can be fixed is fixed, with a
 * regression test (tests/differential/corpus).
 */
import { withoutLayout } from './compare';
import type { ExprRecord } from './run-exprs';
import type { SpecRecord } from './run-specs';
import { type Canon, keyOf } from './values';

interface Explanation {
  /** A short name, as the report lists it. */
  name: string;
  why: string;
  matches: (r: ExprRecord) => boolean;
}

const cls = (r: ExprRecord): string | undefined =>
  'agree' in r.judgement && !r.judgement.agree ? r.judgement.cls : undefined;
const tlcSays = (r: ExprRecord, re: RegExp): boolean =>
  re.test(r.tlcMessage ?? (r.tlc?.kind === 'error' ? (r.tlc.message ?? '') : ''));

/** `a..b` in our printing written out as TLC writes an enumerated set. */
function intervalsEnumerated(printed: string): string {
  return printed.replace(/(-?\d+)\.\.(-?\d+)/g, (_, lo: string, hi: string) => {
    const a = Number(lo);
    const b = Number(hi);
    if (b - a > 1000) return `${lo}..${hi}`;
    const xs: number[] = [];
    for (let i = a; i <= b; i++) xs.push(i);
    return `{${xs.join(', ')}}`;
  });
}

/** The characters of a string, sorted: a string that lists the same items in another order has the same. */
const letters = (x: string): string => [...x].sort().join('');

/**
 * Two values equal but for strings that print a value (ToString): such strings contain brackets
 * and have the same characters in another order.
 */
function sameUpToPrintedOrder(a: Canon, b: Canon): boolean {
  if (a.k === 'str' && b.k === 'str')
    return a.v === b.v || (/[[{(]/.test(a.v) && letters(a.v) === letters(b.v));
  if (a.k === 'set' && b.k === 'set') {
    if (a.elems.length !== b.elems.length) return false;
    // Elements in our order and TLC's order may differ as well: pair them by key first, then by
    // their strings.
    const rest = b.elems.slice();
    return a.elems.every((x) => {
      const i = rest.findIndex((y) => sameUpToPrintedOrder(x, y));
      if (i < 0) return false;
      rest.splice(i, 1);
      return true;
    });
  }
  if (a.k === 'fn' && b.k === 'fn') {
    if (a.pairs.length !== b.pairs.length) return false;
    const rest = b.pairs.slice();
    return a.pairs.every(([d, v]) => {
      const i = rest.findIndex(
        ([e, w]) => sameUpToPrintedOrder(d, e) && sameUpToPrintedOrder(v, w),
      );
      if (i < 0) return false;
      rest.splice(i, 1);
      return true;
    });
  }
  return keyOf(a) === keyOf(b);
}

const EXPLANATIONS: Explanation[] = [
  {
    name: 'DOMAIN printed as 1..n for a function TLC built over an enumerated set',
    why:
      'TLC prints DOMAIN of a function it built over an enumerated set {1, …, n} (with :>, @@, ' +
      '[x \\in {1, 2} |-> …], or BagToSet, which TLC runs in Java) as that set, and 1..n when it was ' +
      'built over an interval or as a sequence; we keep one form for every function on 1..n and print ' +
      'its domain 1..n. Printing only: the values are equal.',
    matches: (r) =>
      cls(r) === 'print' &&
      r.tlc?.kind === 'value' &&
      r.ours?.kind === 'value' &&
      withoutLayout(r.tlc.text) === withoutLayout(intervalsEnumerated(r.ours.printed)),
  },
  {
    name: 'ToString of a value TLC has not normalised',
    why:
      "TLC's ToString prints a value as TLC holds it at that moment: a record in the order its fields " +
      'were written, a function made by @@ or :> in the order of its pairs, until something (an ' +
      'equality, a state, PrintT) normalises it; ours always prints the normal form, as TLC prints ' +
      'states and PrintT output. The two values differ only in strings that list the same items in ' +
      'another order.',
    matches: (r) =>
      cls(r) === 'value' &&
      r.tlc?.kind === 'value' &&
      r.ours?.kind === 'value' &&
      sameUpToPrintedOrder(r.tlc.value, r.ours.value),
  },
  {
    name: 'a record compared with a tuple (representation-dependent in TLC)',
    why:
      "TLC's equality of a record with a tuple or a function on other values depends on their " +
      'representations and on which side each stands ([a |-> 1] = <<1, 2>> fails, <<1>> = [a |-> 1, ' +
      'b |-> 2] is FALSE, (m1 :> 1) = <<1>> fails); we answer FALSE when their sizes differ and fail ' +
      'when their domains must be compared. Only specs TLC rejects compare such values.',
    matches: (r) =>
      cls(r) === 'we-accept' &&
      tlcSays(
        r,
        /Attempted to (check equality of|compare) (record|tuple|function)|with non-record|with non-tuple|with non-function/,
      ),
  },
  {
    name: "Graphs' path operators without the CommunityModules jar",
    why:
      "Graphs' AreConnectedIn and SimplePath (and UndirectedGraphs' ConnectedComponents) quantify " +
      'over Seq(G.node); TLC evaluates them with Java overrides shipped in CommunityModules-deps.jar, ' +
      'which the oracle does not load (only the .tla files are on its path), so it fails to enumerate ' +
      'Seq(...). Ours are native and answer as the overrides do.',
    matches: (r) =>
      cls(r) === 'we-accept' &&
      /\b(AreConnectedIn|SimplePath|ConnectedComponents|IsStronglyConnected|IsTreeWithRoot)\(/.test(
        r.expr,
      ) &&
      tlcSays(r, /when S:\s*Seq\(/),
  },
  {
    name: 'TLC defect: BagOfAll of a constant LAMBDA',
    why:
      "A TLC defect: its Java BagOfAll takes a LAMBDA whose body is constant for that constant ('The " +
      "first argument of BagOfAll should be an operator, but instead it is: 9').",
    matches: (r) =>
      cls(r) === 'we-accept' && tlcSays(r, /The first argument of BagOfAll should be an operator/),
  },
];

/** The name of the explained class a disagreement belongs to, if any. */
export function explain(r: ExprRecord): string | undefined {
  return EXPLANATIONS.find((e) => e.matches(r))?.name;
}

/** Every explained class, with its reason (for the report's JSON and the README). */
export function explanations(): { name: string; why: string }[] {
  return EXPLANATIONS.map(({ name, why }) => ({ name, why }));
}

const SPEC_EXPLANATIONS: { why: string; matches: (r: SpecRecord) => boolean }[] = [];

export function explainSpec(r: SpecRecord): string | undefined {
  return SPEC_EXPLANATIONS.find((e) => e.matches(r))?.why;
}
