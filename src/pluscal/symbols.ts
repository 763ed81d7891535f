/**
 * The TLA+ symbols the PlusCal translator knows while it scans an algorithm: which strings are
 * built-in tokens, which of them open or close a bracket (the translator finds the end of an
 * expression by counting brackets, not by parsing), and which strings are prefixes of a symbol
 * made of punctuation (the scanner munches the longest such symbol).
 *
 * The list is the one pcal.trans uses (TLATeX's table plus `;`), including the Unicode forms.
 */

export type SymbolClass = 'open' | 'close' | 'other';

const OPEN = ['(', '[', '{', '<<', '⟨'];
/** `]_` and `>>_` close a bracket too: `[A]_v`, `<<A>>_v`. */
const CLOSE = [')', '}', ']', '>>', '⟩', '>>_', '⟩_', ']_'];

const OTHER = [
  // keywords
  '_',
  'ASSUME',
  'ASSUMPTION',
  'AXIOM',
  'BOOLEAN',
  'CASE',
  'CONSTANT',
  'CONSTANTS',
  'EXCEPT',
  'EXTENDS',
  'FALSE',
  'IF',
  'INSTANCE',
  'LOCAL',
  'MODULE',
  'OTHER',
  'STRING',
  'THEOREM',
  'TRUE',
  'VARIABLE',
  'VARIABLES',
  'WITH',
  'WF_',
  'SF_',
  // prefix operators
  '\\A',
  '∀',
  '\\forall',
  '\\E',
  '∃',
  '\\exists',
  '\\AA',
  '\\EE',
  '~',
  '¬',
  '\\lnot',
  '\\neg',
  '<>',
  '◇',
  'CHOOSE',
  'ENABLED',
  'UNCHANGED',
  'SUBSET',
  'UNION',
  'DOMAIN',
  'ELSE',
  'THEN',
  'LET',
  'IN',
  '[]',
  '□',
  // postfix operators
  "'",
  '^+',
  '⁺',
  '^*',
  '^#',
  // infix operators
  '=>',
  '⇒',
  '\\cdot',
  '⋅',
  '<=>',
  '⇔',
  '\\equiv',
  '≡',
  '~>',
  '↝',
  '-+->',
  '⇸',
  '\\subseteq',
  '⊆',
  '\\subset',
  '⊂',
  '\\supset',
  '⊃',
  '\\supseteq',
  '⊇',
  '\\ll',
  '≪',
  '\\gg',
  '≫',
  '\\',
  '\\cap',
  '\\intersect',
  '∩',
  '\\cup',
  '\\union',
  '∪',
  '/\\',
  '∧',
  '\\/',
  '∨',
  '\\land',
  '\\lor',
  '\\X',
  '×',
  '-',
  '+',
  '*',
  '/',
  '^',
  '|',
  '||',
  '‖',
  '&',
  '&&',
  '++',
  '--',
  '**',
  '//',
  '^^',
  '|-',
  '⊢',
  '|=',
  '⊨',
  '-|',
  '⊣',
  '=|',
  '⫤',
  '<:',
  ':>',
  ':=',
  '≔',
  '::=',
  '⩴',
  '(+)',
  '⊕',
  '(-)',
  '⊖',
  '\\oplus',
  '\\ominus',
  '(.)',
  '⊙',
  '\\odot',
  '(/)',
  '⊘',
  '\\oslash',
  '(\\X)',
  '⊗',
  '\\otimes',
  '\\uplus',
  '⊎',
  '\\sqcap',
  '⊓',
  '\\sqcup',
  '⊔',
  '\\div',
  '÷',
  '\\star',
  '⋆',
  '\\o',
  '∘',
  '\\circ',
  '\\bigcirc',
  '◯',
  '\\bullet',
  '●',
  '\\in',
  '∈',
  '\\notin',
  '∉',
  '=',
  '#',
  '/=',
  '≠',
  '<',
  '>',
  '=<',
  '<=',
  '≤',
  '>=',
  '≥',
  '\\prec',
  '≺',
  '\\succ',
  '≻',
  '\\preceq',
  '⪯',
  '\\succeq',
  '⪰',
  '\\sim',
  '∼',
  '\\simeq',
  '≃',
  '\\approx',
  '≈',
  '\\doteq',
  '≐',
  '\\asymp',
  '≍',
  '\\sqsubset',
  '⊏',
  '\\sqsupset',
  '⊐',
  '\\sqsubseteq',
  '⊑',
  '\\sqsupseteq',
  '⊒',
  '\\propto',
  '∝',
  ':',
  '->',
  '→',
  '|->',
  '↦',
  '<-',
  '←',
  '==',
  '≜',
  '..',
  '‥',
  '...',
  '…',
  '$',
  '$$',
  '?',
  '??',
  '⁇',
  '%',
  '%%',
  '##',
  '@@',
  '!!',
  '‼',
  '\\times',
  '\\leq',
  '\\geq',
  '\\mod',
  '\\wr',
  '≀',
  '≅',
  '!',
  // punctuation and the rest
  ';',
  ',',
  '.',
  '-.',
  '@',
];

const SYMBOLS = new Map<string, SymbolClass>();
for (const s of OTHER) SYMBOLS.set(s, 'other');
for (const s of OPEN) SYMBOLS.set(s, 'open');
for (const s of CLOSE) SYMBOLS.set(s, 'close');

export function isLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Space characters between tokens; a line break is not one of them. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\f' || ch === '\r';
}

/**
 * Prefixes (each symbol itself included) of the symbols that are neither words (`ENABLED`, `WF_`)
 * nor a backslash followed by letters (`\cup`): the scanner munches those character by character.
 */
const PREFIXES = new Set<string>();
for (const symbol of SYMBOLS.keys()) {
  const chars = Array.from(symbol);
  const wordLike =
    isLetter(chars[0]) || (chars.length > 1 && chars[0] === '\\' && isLetter(chars[1]));
  if (wordLike) continue;
  for (let n = chars.length; n > 0; n--) PREFIXES.add(chars.slice(0, n).join(''));
}

export function isBuiltIn(s: string): boolean {
  return SYMBOLS.has(s);
}

export function symbolClass(s: string): SymbolClass | undefined {
  return SYMBOLS.get(s);
}

export function isBuiltInPrefix(s: string): boolean {
  return PREFIXES.has(s);
}

const STRING_CHARS = new Set(
  Array.from(
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' +
      " ~!@#$%^&*()_-+={}[]|:;<,>.?/`'" +
      '0123456789',
  ),
);

/** Characters a string literal may hold unescaped. */
export function isStringChar(ch: string): boolean {
  return STRING_CHARS.has(ch);
}
