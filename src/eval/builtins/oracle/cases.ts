/**
 * Generated expressions for comparing the library operators' native implementations with TLC and
 * with the modules' own TLA+ text: each operator applied to arguments from pools that hold the
 * usual values and the unusual ones (empty, singletons, non-sequences, strings, model values, big
 * and negative integers, bags with a 0 count, operators that return non-booleans, …).
 * Deterministic: the same list every time, so that TLC's answers can be recorded (cases.tlc.json).
 */
import type { EvalBatch } from './engine';
import {
  INTS,
  SMALL_INTS,
  SETS,
  SEQS,
  FCNS,
  BAGS,
  FOLD_BAGS,
  BAD_COUNT_BAGS,
  OTHER,
  SEQ_LIKE,
  OP2,
  OP1,
  PRED,
  REL,
  CHOOSERS,
  cases,
  infix,
} from './cases-pools';

const bags = cases([
  ['IsABag', [[...BAGS, ...OTHER]]],
  ['BagToSet', [[...BAGS, ...OTHER]]],
  ['SetToBag', [[...SETS, '3', 'Nat']]],
  [
    'BagIn',
    [
      ['1', '"p"', 'mA', '2'],
      [...BAGS, '3'],
    ],
  ],
  [
    'CopiesIn',
    [
      ['1', '"p"', 'mA', '2'],
      [...BAGS, '3'],
    ],
  ],
  ['EmptyBag', []],
  [infix('(+)'), [BAGS, BAGS], 40],
  [infix('(-)'), [BAGS, BAGS], 40],
  [
    'BagUnion',
    [
      [
        '{}',
        '{(1 :> 2)}',
        '{(1 :> 2), (2 :> 1)}',
        '{(1 :> 2), (1 :> 3)}',
        '{3}',
        '{3, 4}',
        '{(1 :> 2), 3}',
        '{[x \\in {1} |-> 0], (1 :> 1)}',
        '{(1 :> "x"), (2 :> 1)}',
        '{(1 :> "x"), (1 :> 1)}',
        '3',
      ],
    ],
  ],
  [infix('\\sqsubseteq'), [BAGS, BAGS], 40],
  ['SubBag', [['(1 :> 2 @@ 2 :> 1)', '<<>>', '(mA :> 2)']]],
  ['BagOfAll', [['LAMBDA x : x * 0', 'LAMBDA x : x', 'LAMBDA x : <<x>>'], BAGS]],
  ['BagCardinality', [[...BAGS, ...OTHER, '(1 :> 2147483647 @@ 2 :> 1)']]],
]);

const bagsExt = cases([
  ['BagAdd', [BAGS, ['1', '"p"', '3', 'mA']]],
  ['BagRemove', [BAGS, ['1', '"p"', '3', 'mA']]],
  ['BagRemoveAll', [BAGS, ['1', '"p"', '3', 'mA']]],
  [
    'MapThenFoldBag',
    [OP2, ['0', '<<>>'], ['LAMBDA x : x', 'LAMBDA x : <<x>>'], [CHOOSERS[0]], FOLD_BAGS],
  ],
  ['FoldBag', [OP2, ['0', '<<>>'], FOLD_BAGS]],
  ['SumBag', [[...FOLD_BAGS, '3']]],
  ['ProductBag', [[...FOLD_BAGS, '3']]],
]);

/** Cases TLC does not answer (it does not return): compared with the modules' TLA+ text only. */
export const TEXT_ONLY = cases([
  // A choice outside the set: the definition recurses for ever (TLC does not return).
  [
    'MapThenFoldSet',
    [OP2.slice(0, 2), ['0'], OP1.slice(0, 1), CHOOSERS.slice(2), ['{1, 2, 3}', '{}']],
  ],
  ['FoldBag', [OP2.slice(0, 2), ['0'], BAD_COUNT_BAGS]],
  ['SumBag', [BAD_COUNT_BAGS]],
  ['ProductBag', [BAD_COUNT_BAGS]],
]);

const seqExt = cases([
  ['ToSet', [SEQ_LIKE]],
  ['ToBag', [SEQ_LIKE]],
  ['SetToSeq', [[...SETS, 'Nat', '3']]],
  ['SetToSeqs', [['{}', '{1}', '{1, 2, 3}', '{"p", "q"}', '{mA, mB}', '3']]],
  [
    'SetToSortSeq',
    [
      ['{}', '{1, 2, 3}', '{3, -1}'],
      ['LAMBDA x, y : x < y', 'LAMBDA x, y : x > y'],
    ],
  ],
  ['SetToAllKPermutations', [['{}', '{1}', '{1, 2, 3}']]],
  [
    'TupleOf',
    [
      ['{1, 2}', '{}'],
      ['0', '2', '-1'],
    ],
  ],
  [
    'SeqOf',
    [
      ['{1, 2}', '{}', '{"p"}', '3', 'Nat'],
      ['0', '2', '-1', '"p"'],
    ],
  ],
  [
    'BoundedSeq',
    [
      ['{1, 2}', '{}', '3'],
      ['0', '2', '-1'],
    ],
  ],
  ['Contains', [SEQ_LIKE, ['1', '"p"', 'mA', '<<1>>']]],
  ['IsSorted', [SEQ_LIKE, REL]],
  ['Reverse', [SEQ_LIKE]],
  ['Remove', [SEQ_LIKE, ['1', '"p"', 'mA']]],
  ['ReplaceAll', [SEQ_LIKE, ['1', '"p"'], ['9']]],
  ['SelectInSeq', [SEQ_LIKE, PRED]],
  ['SelectLastInSeq', [SEQ_LIKE, PRED]],
  ['SelectInSubSeq', [SEQS, ['1', '2', '0'], ['2', '3', '5'], PRED]],
  ['SelectLastInSubSeq', [SEQS, ['1', '2', '0'], ['2', '3', '5'], PRED]],
  ['InsertAt', [SEQ_LIKE, ['0', '1', '2', '4', '5'], ['9']]],
  ['ReplaceAt', [SEQ_LIKE, ['0', '1', '2', '4', '5'], ['9']]],
  ['RemoveAt', [SEQ_LIKE, ['0', '1', '2', '4', '5', '-1']]],
  ['RemoveFirst', [SEQ_LIKE, ['1', '"p"', '2']]],
  ['RemoveFirstMatch', [SEQ_LIKE, PRED]],
  ['Cons', [['9', '<<>>'], SEQ_LIKE]],
  ['Snoc', [['9', '<<>>'], SEQ_LIKE]],
  ['Front', [SEQ_LIKE]],
  ['Last', [SEQ_LIKE]],
  [
    'IsPrefix',
    [
      [...SEQS, '"p"', '"pq"', '3'],
      [...SEQS, '"pq"', '3'],
    ],
    80,
  ],
  [
    'IsStrictPrefix',
    [
      [...SEQS, '"p"'],
      [...SEQS, '"pq"'],
    ],
    50,
  ],
  [
    'IsSuffix',
    [
      [...SEQS, '"q"'],
      [...SEQS, '"pq"'],
    ],
    50,
  ],
  [
    'IsStrictSuffix',
    [
      [...SEQS, '"q"'],
      [...SEQS, '"pq"'],
    ],
    50,
  ],
  ['Prefixes', [SEQ_LIKE]],
  [
    'CommonPrefixes',
    [
      [
        '{}',
        '{<<1, 2>>, <<1, 3>>}',
        '{<<1, 2>>}',
        '{<<1>>, <<2>>}',
        '{"pq", "p"}',
        '{<<1>>, 3}',
        '3',
      ],
    ],
  ],
  [
    'LongestCommonPrefix',
    [
      [
        '{}',
        '{<<1, 2>>, <<1, 3>>}',
        '{<<1, 2>>}',
        '{<<1>>, <<2>>}',
        '{"pq", "p"}',
        '{<<1>>, 3}',
        '{<<1, 2, 3>>, <<1, 2>>, <<1, 2, 4>>}',
      ],
    ],
  ],
  ['Suffixes', [SEQ_LIKE]],
  ['SeqMod', [INTS, ['1', '3', '0', '-2', '"p"']]],
  ['FoldSeq', [OP2, ['0', '<<>>'], SEQ_LIKE]],
  ['FoldLeft', [OP2, ['0', '<<>>'], SEQ_LIKE]],
  ['FoldRight', [OP2, SEQ_LIKE, ['0', '<<>>']]],
  ['FoldLeftDomain', [OP2, ['0', '<<>>'], SEQ_LIKE]],
  ['FoldRightDomain', [OP2, SEQ_LIKE, ['0', '<<>>']]],
  [
    'FlattenSeq',
    [
      [
        '<<>>',
        '<<<<1>>, <<2, 3>>>>',
        '<<<<>>, <<1>>>>',
        '<<"p", "q">>',
        '<<5>>',
        '<<<<1>>>>',
        '<<<<1>>, "p">>',
        '<<1, 2>>',
        '"pq"',
        '3',
      ],
    ],
  ],
  ['Zip', [SEQ_LIKE, ['<<>>', '<<9, 8>>', '"pq"']]],
  ['Interleave', [SEQ_LIKE, ['<<>>', '<<9, 8>>', '<<9, 8, 7>>', '"pq"']]],
  ['SubSeqs', [SEQ_LIKE]],
  ['AllSubSeqs', [SEQ_LIKE]],
  [
    'IndexFirstSubSeq',
    [
      ['<<>>', '<<1>>', '<<2, 1>>', '<<9>>', '"p"'],
      ['<<1, 2, 1>>', '<<>>', '"pq"'],
    ],
  ],
  [
    'ReplaceSubSeqAt',
    [
      ['1', '2', '0', '4'],
      ['<<9>>', '<<>>'],
      ['<<1>>', '<<>>', '<<1, 2>>'],
      ['<<1, 2, 1>>', '<<>>'],
    ],
    80,
  ],
  [
    'ReplaceFirstSubSeq',
    [
      ['<<9>>', '<<>>', '"x"'],
      ['<<1>>', '<<>>', '<<2, 1>>', '"p"', '""'],
      ['<<1, 2, 1>>', '<<>>', '"pqp"'],
    ],
    80,
  ],
  [
    'ReplaceAllSubSeqs',
    [
      ['<<9>>', '<<>>', '<<9, 9>>'],
      ['<<1>>', '<<>>', '<<2, 1>>', '<<1, 1>>'],
      ['<<1, 2, 1>>', '<<>>', '<<1, 1, 1>>', '<<2>>'],
    ],
    80,
  ],
  ['ReplaceAllSubSeqs', [['"x"'], ['"p"', '"pq"'], ['"pqp"', '"pq"']]],
]);

const functions = cases([
  [
    'Restrict',
    [
      [...FCNS, ...SEQS.slice(0, 4), '3'],
      ['{}', '{1}', '{1, 3}', '{"p"}', '{mA}', 'Nat'],
    ],
  ],
  ['RestrictDomain', [[...FCNS, ...SEQS.slice(0, 4), '3'], PRED]],
  ['RestrictValues', [[...FCNS, ...SEQS.slice(0, 4), '3'], PRED]],
  [
    'IsRestriction',
    [
      [...FCNS, '<<>>', '<<1>>', '<<2>>'],
      [...FCNS, '<<1, 2>>', '3'],
    ],
  ],
  ['Range', [SEQ_LIKE]],
  [
    'Pointwise',
    [
      [...FCNS, '<<1, 2>>'],
      [...FCNS, '<<3, 4>>', '<<3>>'],
      ['LAMBDA x, y : x + y', 'LAMBDA x, y : <<x, y>>'],
    ],
  ],
  [
    'Inverse',
    [
      ['<<1, 2, 1>>', '[x \\in {1, 3} |-> x * 2]', '<<>>', '3'],
      ['{1, 2, 3}', '{}', '{3, 4}', '{"p"}'],
      ['{1, 2}', '{2, 6}', '{}', '{9}'],
    ],
    80,
  ],
  ['AntiFunction', [SEQ_LIKE]],
  ['IsInjective', [SEQ_LIKE]],
  [
    'Injection',
    [
      ['{}', '{1}', '{1, 2}', '{mA, mB}'],
      ['{}', '{1}', '{1, 2, 3}', '{"p", "q"}', 'Nat'],
    ],
  ],
  [
    'Surjection',
    [
      ['{}', '{1}', '{1, 2}'],
      ['{}', '{1}', '{1, 2}'],
    ],
  ],
  [
    'Bijection',
    [
      ['{}', '{1}', '{1, 2}', '{mA, mB, "p"}'],
      ['{}', '{1}', '{1, 2}', '{"p", "q", 7}'],
    ],
  ],
  [
    'ExistsInjection',
    [
      ['{}', '{1}', '{1, 2}', '3'],
      ['{}', '{1}', '{1, 2, 3}', '3'],
    ],
  ],
  [
    'ExistsSurjection',
    [
      ['{}', '{1}', '{1, 2}', '3'],
      ['{}', '{1}', '{1, 2, 3}', '3'],
    ],
  ],
  [
    'ExistsBijection',
    [
      ['{}', '{1}', '{1, 2}', '3'],
      ['{}', '{1}', '{1, 2, 3}', '3'],
    ],
  ],
  [
    'FoldFunctionOnSet',
    [OP2, ['0'], [...FCNS, '<<3, 1, 2>>'], ['{}', '{1}', '{1, 3}', '{"p", "q"}', '{9}']],
  ],
  ['FoldFunction', [OP2, ['0', '<<>>'], SEQ_LIKE]],
  [
    'SumFunctionOnSet',
    [
      [...FCNS, '<<3, 1, 2>>', '<<2147483647, 1>>'],
      ['{}', '{1}', '{1, 3}', '{"p", "q"}', '{1, 2}'],
    ],
  ],
  ['SumFunction', [[...SEQ_LIKE, '<<2147483647, 1, -5>>', '<<-5, 2147483647, 1>>']]],
]);

const finiteSetsExt = cases([
  ['FoldSet', [OP2, ['0', '<<>>'], [...SETS, '3', 'Nat']]],
  ['SumSet', [[...SETS, '3', '{2147483647, 1, -5}', '{-2147483647 - 1, -1, 5}']]],
  ['ProductSet', [[...SETS, '3', '{65536, 32768}']]],
  ['ReduceSet', [OP2, [...SETS, '3'], ['0']]],
  ['MapThenSumSet', [OP1, [...SETS, '3']]],
  ['FlattenSet', [['{}', '{{1}, {2, 3}}', '{{}}', '{1}']]],
  [
    'SymDiff',
    [
      ['{}', '{1, 2}', '{"p"}', 'Nat', '3'],
      ['{}', '{2, 3}', '{"p", 1}', '3'],
    ],
  ],
  ['Quantify', [[...SETS, '3'], PRED]],
  [
    'kSubset',
    [
      ['0', '1', '2', '-1', '5', '"p"'],
      ['{}', '{1, 2, 3}', '{"p", "q"}', '1..4', '3', 'Nat'],
    ],
  ],
  ['Max', [[...SETS, '3', 'Nat', '{"p"}']]],
  ['Min', [[...SETS, '3', 'Nat', '{"p"}']]],
  [
    'Choices',
    [
      [
        '{}',
        '{{}}',
        '{{1}}',
        '{{1, 2}, {3}}',
        '{{1, 2}, {2, 3}}',
        '{{1, 2}, {}}',
        '{1}',
        '3',
        '{{1}, {mA, 2}}',
      ],
    ],
  ],
  ['ChooseUnique', [[...SETS, '3'], PRED]],
  [
    'MapThenFoldSet',
    [OP2, ['0', '<<>>'], OP1, CHOOSERS.slice(0, 2), ['{}', '{1, 2, 3}', '{"p", "q"}', '3']],
    80,
  ],
]);

const misc = cases([
  [infix('&'), [INTS, [...INTS, '12']]],
  [infix('|'), [INTS, [...INTS, '12']]],
  [infix('^^'), [INTS, [...INTS, '12']]],
  ['Not', [[...INTS, '12', '5']]],
  [
    'shiftR',
    [
      [...INTS, '12', '-7'],
      ['0', '1', '3', '31', '40'],
    ],
  ],
  ['ApaFoldSet', [OP2, ['0', '<<>>'], [...SETS, '3']]],
  ['ApaFoldSeqLeft', [OP2, ['0', '<<>>'], SEQ_LIKE]],
  ['MkSeq', [SMALL_INTS, ['LAMBDA i : i * i', 'LAMBDA i : <<i>>']]],
  [
    'FunAsSeq',
    [
      ['<<1, 2, 3>>', '[x \\in {1, 3} |-> x * 2]', '[x \\in 1..5 |-> x]'],
      ['0', '1', '2', '3', '4'],
      ['0', '2', '3', '4'],
    ],
  ],
  ['Repeat', [['LAMBDA x, i : x + i', 'LAMBDA x, i : <<x, i>>'], SMALL_INTS, ['0']]],
  [
    'SetAsFun',
    [
      [
        '{}',
        '{<<1, 2>>}',
        '{<<1, 2>>, <<1, 3>>, <<2, 2>>}',
        '{<<1, 2, 3>>}',
        '{3}',
        '{<<"p", 1>>, <<"q", 2>>}',
      ],
    ],
  ],
  ['atoi', [['"42"', '"-17"', '"0"', '"042"', '"+1"', '"x"', '"2147483648"', '3']]],
  [
    'RandomSubset',
    [
      ['0', '2', '3', '4', '-1', '"p"'],
      ['{1, 2, 3}', '{}', 'Nat', '3'],
    ],
  ],
  [(a) => `Cardinality(RandomSubset(${a[0]}, ${a[1]}))`, [['0', '2'], ['1..5']]],
  [(a) => `RandomSubset(${a[0]}, ${a[1]}) \\subseteq ${a[1]}`, [['0', '2'], ['1..5']]],
  [
    (a) => `Cardinality(RandomSetOfSubsets(${a.join(', ')})) <= ${a[0]}`,
    [['0', '1', '3'], ['0', '1', '3'], ['1..3']],
  ],
  [
    'RandomSetOfSubsets',
    [
      ['-1', '9', '"p"'],
      ['0', '4', '-1'],
      ['1..3', '{}', 'Nat'],
    ],
  ],
  [(a) => `RandomSetOfSubsets(${a[0]}, ${a[1]}, ${a[2]})`, [['0', '1'], ['0'], ['{}', '1..2']]],
  ['TLCModelValue', [['"mA"', '"zz"', '3']]],
  [
    (a) => `TLCModelValue(${a[0]}) = ${a[1]}`,
    [
      ['"mA"', '"zz"'],
      ['mA', '"mA"'],
    ],
  ],
  ['TLCGetOrDefault', [['1', '"level"', '1000'], ['7']]],
  ['PickSuccessor', [['TRUE', '3']]],
]);

const JSON_VALUES = [
  '1',
  '-7',
  '"p"',
  '"q\\"u\\\\o\\nte"',
  'TRUE',
  'mA',
  '<<>>',
  '<<1, "p">>',
  '[p |-> 1, q |-> <<2, {3}>>]',
  '{1, 2}',
  '{}',
  '(1 :> 2 @@ 3 :> 4)',
  '(mA :> 1)',
  '[x \\in {{1}} |-> 2]',
  '1..3',
  '[x \\in {1, 2} |-> x]',
  '{<<1>>, [p |-> 1]}',
  'Nat',
  'SUBSET {1}',
  '[{1} -> {2}]',
  '<<[p |-> {mA}], <<>>>>',
  '("p" :> 1 @@ 2 :> 3)',
];

const json = cases([
  ['ToJson', [JSON_VALUES]],
  ['ToJsonArray', [JSON_VALUES]],
  ['ToJsonObject', [JSON_VALUES]],
]);

const GRAPHS = [
  '[node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}]',
  '[node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 1>>, <<3, 3>>}]',
  '[node |-> {}, edge |-> {}]',
  '[node |-> {"p", "q"}, edge |-> {<<"p", "q">>, <<"q", "p">>, <<"p", 7>>}]',
  '[node |-> {1, 2, 3, 4}, edge |-> {<<1, 2>>, <<2, 3>>, <<3, 1>>, <<3, 4>>, <<1, 2, 3>>}]',
];

const UGRAPHS = [
  '[node |-> {1, 2, 3}, edge |-> {{1, 2}}]',
  '[node |-> {1, 2, 3, 4}, edge |-> {{1, 2}, {2, 3}, {4}}]',
  '[node |-> {}, edge |-> {}]',
  '[node |-> {"p", "q", "r"}, edge |-> {{"p", "r"}, {"q", 9}}]',
  '[node |-> {1, 2, 3, 4}, edge |-> {{1, 2}, {3, 4}, {1, 2, 3}}]',
];

/**
 * Graphs' paths cannot be evaluated from their definitions (they quantify over Seq(G.node)), by
 * TLC or by us: TLC evaluates an equivalent expression instead (paths are at most as long as there
 * are nodes), which is what the natives are compared with.
 */
const graphsPaired: [string, string][] = GRAPHS.flatMap((g) => [
  [`[m, n \\in (${g}).node |-> AreConnectedIn(m, n, ${g})]`, `ConnectionsIn(${g})`],
  [
    `SimplePath(${g})`,
    `LET G == ${g} IN {p \\in SeqOf(G.node, Cardinality(G.node)) : p # <<>> /\\ p \\in SimplePath(G)}`,
  ],
  [`IsStronglyConnected(${g})`, `LET G == ${g} IN \\A m, n \\in G.node : ConnectionsIn(G)[m, n]`],
  [`AreConnectedIn(9, 9, ${g})`, 'FALSE'],
]);

const undirectedConn = (g: string, body: string): string =>
  `LET G == ${g} Conn(m, n) == \\E p \\in SeqOf(G.node, Cardinality(G.node)) : p # <<>> /\\ p[1] = m /\\ p[Len(p)] = n /\\ \\A i \\in 1..Len(p)-1 : {p[i], p[i+1]} \\in G.edge IN ${body}`;

const undirectedPaired: [string, string][] = UGRAPHS.flatMap((g) => [
  [
    `[m, n \\in (${g}).node |-> AreConnectedIn(m, n, ${g})]`,
    undirectedConn(g, '[m, n \\in G.node |-> Conn(m, n)]'),
  ],
  [
    `SimplePath(${g})`,
    `LET G == ${g} IN {p \\in SeqOf(G.node, Cardinality(G.node)) : p # <<>> /\\ p \\in SimplePath(G)}`,
  ],
  [
    `ConnectedComponents(${g})`,
    undirectedConn(g, '{ {n \\in G.node : Conn(m, n)} : m \\in G.node }'),
  ],
  [
    `IsStronglyConnected(${g})`,
    undirectedConn(g, 'G.node # {} /\\ \\A m, n \\in G.node : Conn(m, n)'),
  ],
]);

/** The batches: each extends the modules its operators come from. */
export const CASE_BATCHES: (EvalBatch & { name: string; tlc?: false; tlcExprs?: string[] })[] = [
  {
    name: 'bags',
    extends: ['Integers', 'Sequences', 'FiniteSets', 'TLC', 'Bags', 'BagsExt'],
    exprs: [...bags, ...bagsExt],
  },
  {
    name: 'community',
    extends: [
      'Integers',
      'Sequences',
      'FiniteSets',
      'TLC',
      'SequencesExt',
      'FiniteSetsExt',
      'Functions',
      'Folds',
    ],
    exprs: [...seqExt, ...functions, ...finiteSetsExt],
  },
  {
    name: 'misc',
    extends: [
      'Integers',
      'Sequences',
      'FiniteSets',
      'TLC',
      'TLCExt',
      'Bitwise',
      'Apalache',
      'IOUtils',
      'Randomization',
    ],
    exprs: misc,
  },
  { name: 'json', extends: ['Integers', 'Sequences', 'TLC', 'Json'], exprs: json },
  {
    name: 'graphs',
    extends: ['Integers', 'Sequences', 'FiniteSets', 'TLC', 'SequencesExt', 'Graphs'],
    exprs: graphsPaired.map((p) => p[0]),
    tlcExprs: graphsPaired.map((p) => p[1]),
  },
  {
    name: 'undirected-graphs',
    extends: ['Integers', 'Sequences', 'FiniteSets', 'TLC', 'SequencesExt', 'UndirectedGraphs'],
    exprs: undirectedPaired.map((p) => p[0]),
    tlcExprs: undirectedPaired.map((p) => p[1]),
  },
  {
    name: 'text-only',
    tlc: false,
    extends: ['Integers', 'Sequences', 'FiniteSets', 'TLC', 'Bags', 'BagsExt', 'Folds'],
    exprs: TEXT_ONLY,
  },
];
