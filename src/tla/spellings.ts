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
