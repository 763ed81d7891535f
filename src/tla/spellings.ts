/**
 * The one table of operator spellings: tree-sitter-tlaplus names each operator symbol by a node
 * type (`leq` for `<=`, `=<`, `\leq` and `≤` alike), and the AST spells each one canonical ASCII
 * way (see `BuiltinSymbol` in ast.ts). Every conversion of an operator symbol goes through here.
 */

/** Infix operator node types → canonical spelling. */
export const INFIX_SPELLING: Readonly<Record<string, string>> = {
  implies: '=>',
  plus_arrow: '-+->',
  equiv: '<=>', // `\equiv` and `<=>` are the same operator in TLA+
  iff: '<=>',
  leads_to: '~>',
  land: '/\\',
  lor: '\\/',
  assign: ':=',
  bnf_rule: '::=',
  eq: '=',
  neq: '#',
  lt: '<',
  gt: '>',
  leq: '<=',
  geq: '>=',
  approx: '\\approx',
  rs_ttile: '|-',
  rd_ttile: '|=',
  ls_ttile: '-|',
  ld_ttile: '=|',
  asymp: '\\asymp',
  cong: '\\cong',
  doteq: '\\doteq',
  gg: '\\gg',
  ll: '\\ll',
  in: '\\in',
  notin: '\\notin',
  prec: '\\prec',
  succ: '\\succ',
  preceq: '\\preceq',
  succeq: '\\succeq',
  propto: '\\propto',
  sim: '\\sim',
  simeq: '\\simeq',
  sqsubset: '\\sqsubset',
  sqsupset: '\\sqsupset',
  sqsubseteq: '\\sqsubseteq',
  sqsupseteq: '\\sqsupseteq',
  subset: '\\subset',
  supset: '\\supset',
  subseteq: '\\subseteq',
  supseteq: '\\supseteq',
  compose: '@@',
  map_to: ':>',
  map_from: '<:',
  setminus: '\\',
  cap: '\\cap',
  cup: '\\cup',
  dots_2: '..',
  dots_3: '...',
  plus: '+',
  plusplus: '++',
  oplus: '\\oplus',
  ominus: '\\ominus',
  mod: '%',
  modmod: '%%',
  vert: '|',
  vertvert: '||',
  minus: '-',
  minusminus: '--',
  amp: '&',
  ampamp: '&&',
  odot: '\\odot',
  oslash: '\\oslash',
  otimes: '\\otimes',
  mul: '*',
  mulmul: '**',
  slash: '/',
  slashslash: '//',
  bigcirc: '\\bigcirc',
  bullet: '\\bullet',
  div: '\\div',
  circ: '\\o',
  star: '\\star',
  excl: '!!',
  hashhash: '##',
  dol: '$',
  doldol: '$$',
  qq: '??',
  sqcap: '\\sqcap',
  sqcup: '\\sqcup',
  uplus: '\\uplus',
  times: '\\X',
  wr: '\\wr',
  cdot: '\\cdot',
  pow: '^',
  powpow: '^^',
};

/**
 * Prefix operator node types → canonical spelling. `negative` is unary minus, written `-` when
 * applied and `-.` when named (definitions, arguments); both are `-.` so that it never collides
 * with binary `-`.
 */
export const PREFIX_SPELLING: Readonly<Record<string, string>> = {
  lnot: '~',
  union: 'UNION',
  powerset: 'SUBSET',
  domain: 'DOMAIN',
  negative: '-.',
  negative_dot: '-.',
  enabled: 'ENABLED',
  unchanged: 'UNCHANGED',
  always: '[]',
  eventually: '<>',
};

/** Postfix operator node types → canonical spelling. */
export const POSTFIX_SPELLING: Readonly<Record<string, string>> = {
  sup_plus: '^+',
  asterisk: '^*',
  sup_hash: '^#',
  prime: "'",
};

/**
 * Operators of the language itself, defined in no module (SANY's built-ins): a spec may use them
 * without EXTENDS. Every other symbol (`+`, `..`, `\o`, `:>`, …) needs a definition in scope.
 */
export const LANGUAGE_SYMBOLS: ReadonlySet<string> = new Set([
  '/\\',
  '\\/',
  '~',
  '=>',
  '<=>',
  '=',
  '#',
  '\\in',
  '\\notin',
  '\\subseteq',
  '\\cup',
  '\\cap',
  '\\',
  'SUBSET',
  'UNION',
  'DOMAIN',
  "'",
  'ENABLED',
  'UNCHANGED',
  '\\cdot',
  '[]',
  '<>',
  '~>',
  '-+->',
  '\\X',
]);

const SYMBOL_ARITY: ReadonlyMap<string, number> = new Map([
  ...Object.values(INFIX_SPELLING).map((s) => [s, 2] as const),
  ...Object.values(PREFIX_SPELLING).map((s) => [s, 1] as const),
  ...Object.values(POSTFIX_SPELLING).map((s) => [s, 1] as const),
]);

/** Arity of a symbolic operator by its canonical spelling: prefix and postfix 1, infix 2. */
export function symbolArity(name: string): number | undefined {
  return SYMBOL_ARITY.get(name);
}

/** The canonical spelling of an operator-symbol node type, whatever its fixity. */
export function spellingOf(nodeType: string): string | undefined {
  return INFIX_SPELLING[nodeType] ?? PREFIX_SPELLING[nodeType] ?? POSTFIX_SPELLING[nodeType];
}

/**
 * SANY's precedence of infix operators by CST node type: [low, high, left-associative]
 * (Specifying Systems, table 6). `a op1 b op2 c` without parentheses is legal only when the two
 * ranges do not overlap, or op1 and op2 are the same left-associative operator.
 */
export const INFIX_PRECEDENCE: Readonly<Record<string, readonly [number, number, boolean]>> = {
  implies: [1, 1, false],
  plus_arrow: [2, 2, false],
  equiv: [2, 2, false],
  iff: [2, 2, false],
  leads_to: [2, 2, false],
  land: [3, 3, true],
  lor: [3, 3, true],
  ...Object.fromEntries(
    ['assign', 'bnf_rule', 'eq', 'neq', 'lt', 'gt', 'leq', 'geq', 'approx', 'rs_ttile', 'rd_ttile', 'ls_ttile', 'ld_ttile', 'asymp', 'cong', 'doteq', 'gg', 'll', 'in', 'notin', 'prec', 'succ', 'preceq', 'succeq', 'propto', 'sim', 'simeq', 'sqsubset', 'sqsupset', 'sqsubseteq', 'sqsupseteq', 'subset', 'supset', 'subseteq', 'supseteq'].map(
      (t) => [t, [5, 5, false] as const],
    ),
  ),
  compose: [6, 6, true],
  map_to: [7, 7, false],
  map_from: [7, 7, false],
  setminus: [8, 8, false],
  cap: [8, 8, true],
  cup: [8, 8, true],
  dots_2: [9, 9, false],
  dots_3: [9, 9, false],
  excl: [9, 13, false],
  hashhash: [9, 13, true],
  dol: [9, 13, true],
  doldol: [9, 13, true],
  qq: [9, 13, true],
  sqcap: [9, 13, true],
  sqcup: [9, 13, true],
  uplus: [9, 13, true],
  wr: [9, 14, false],
  plus: [10, 10, true],
  plusplus: [10, 10, true],
  oplus: [10, 10, true],
  mod: [10, 11, false],
  modmod: [10, 11, true],
  vert: [10, 11, true],
  vertvert: [10, 11, true],
  minus: [11, 11, true],
  minusminus: [11, 11, true],
  ominus: [11, 11, true],
  amp: [13, 13, true],
  ampamp: [13, 13, true],
  odot: [13, 13, true],
  oslash: [13, 13, false],
  otimes: [13, 13, true],
  mul: [13, 13, true],
  mulmul: [13, 13, true],
  slash: [13, 13, false],
  slashslash: [13, 13, false],
  bigcirc: [13, 13, true],
  bullet: [13, 13, true],
  div: [13, 13, false],
  circ: [13, 13, true],
  star: [13, 13, true],
  cdot: [5, 14, true],
  pow: [14, 14, false],
  powpow: [14, 14, false],
};
