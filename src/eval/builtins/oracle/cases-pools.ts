/**
 * The argument pools of the library cases (cases.ts): the usual values and the unusual ones, and
 * how an operator is applied to every combination of its pools (or an even pick of them).
 */
export const INTS = ['0', '1', '-1', '3', '2147483647', '(-2147483647 - 1)'];
export const SMALL_INTS = ['0', '1', '2', '3', '-1', '5'];
export const SETS = [
  '{}',
  '{1}',
  '{1, 2, 3}',
  '{-2, 5, 0}',
  '{"p", "q"}',
  '{mA, mB}',
  '1..4',
  '{<<1>>, <<2, 1>>}',
  '{{1}, {2, 3}}',
  '{2147483647, 1}',
];
export const SEQS = [
  '<<>>',
  '<<1>>',
  '<<1, 2, 1>>',
  '<<3, 1, 2>>',
  '<<"p", "q">>',
  '<<<<1>>, <<2, 3>>>>',
  '<<1, 2, 3, 4>>',
  '<<mA, 1>>',
];
export const FCNS = [
  '[x \\in {1, 3} |-> x * 2]',
  '[p |-> 1, q |-> 2]',
  '(mA :> 1 @@ mB :> 2)',
  '[x \\in {{1}, {2}} |-> 0]',
];
export const BAGS = [
  '(1 :> 2 @@ 2 :> 1)',
  '("p" :> 3)',
  '[x \\in {1, 2} |-> 0]',
  '(1 :> -1)',
  '(1 :> "x")',
  '<<1, 1>>',
  '(mA :> 2)',
  '(2 :> 2147483647)',
];
/**
 * The Fold definitions apply `pow[n \in Nat \ {0}]` to each count: TLC 2.20 does not return for a
 * count outside that domain (0, -1, "x"), nor in minutes for 2147483647 copies; those are compared
 * with the TLA+ text only (TEXT_ONLY).
 */
export const FOLD_BAGS = [
  '(1 :> 2 @@ 2 :> 1)',
  '("p" :> 3)',
  '<<1, 1>>',
  '(mA :> 2)',
  '(2 :> 3 @@ 3 :> 1)',
];
export const BAD_COUNT_BAGS = [
  '[x \\in {1, 2} |-> 0]',
  '(1 :> -1)',
  '(1 :> "x")',
  '(2 :> 2147483647)',
];
export const OTHER = ['3', '"pq"', 'TRUE', 'mA', '{1, 2}'];

export const SEQ_LIKE = [...SEQS, ...FCNS, '"pq"', '3', '{1}'];

export const OP2 = [
  'LAMBDA x, y : x + y',
  'LAMBDA x, y : <<x, y>>',
  'LAMBDA x, y : y',
  'LAMBDA x, y : x * y',
];
export const OP1 = ['LAMBDA x : x * 2', 'LAMBDA x : <<x>>', 'LAMBDA x : x'];
export const PRED = ['LAMBDA x : x = 1', 'LAMBDA x : x > 1', 'LAMBDA x : 3', 'LAMBDA x : TRUE'];
export const REL = [
  'LAMBDA x, y : x < y',
  'LAMBDA x, y : x <= y',
  'LAMBDA x, y : 3',
  'LAMBDA x, y : TRUE',
];
export const CHOOSERS = [
  'LAMBDA s : CHOOSE x \\in s : TRUE',
  'LAMBDA s : CHOOSE x \\in s : \\A y \\in s : y <= x',
  'LAMBDA s : 42',
];

/** Every combination of the pools, or at most `max` of them picked evenly. */
function combos(pools: string[][], max = 40): string[][] {
  let all: string[][] = [[]];
  for (const p of pools) all = all.flatMap((c) => p.map((x) => [...c, x]));
  if (all.length <= max) return all;
  const out: string[][] = [];
  const step = all.length / max;
  for (let i = 0; i < max; i++)
    out.push(all[Math.floor(i * step + ((i * 7) % Math.max(1, Math.floor(step))))]);
  return out;
}

type Shape = string | ((args: string[]) => string);

function apply(op: Shape, args: string[]): string {
  if (typeof op === 'function') return op(args);
  return args.length === 0 ? op : `${op}(${args.join(', ')})`;
}

export function cases(ops: [Shape, string[][], number?][]): string[] {
  return ops.flatMap(([op, pools, max]) => combos(pools, max).map((args) => apply(op, args)));
}

export const infix = (sym: string) => (a: string[]) => `(${a[0]}) ${sym} (${a[1]})`;
