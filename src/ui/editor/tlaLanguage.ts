/**
 * A Monarch tokenizer for TLA+ (and the PlusCal algorithm inside its comment). Token names map to
 * colours in themes.ts. Monarch is a regular tokenizer: good for colour, not for meaning; the
 * parser's diagnostics come from the engine.
 */
import type { languages } from 'monaco-editor/editor/editor.api';

export const tlaLanguageId = 'tla';

const keywords = [
  'ASSUME', 'ASSUMPTION', 'AXIOM', 'CASE', 'CHOOSE', 'CONSTANT', 'CONSTANTS', 'DOMAIN', 'ELSE',
  'ENABLED', 'EXCEPT', 'EXTENDS', 'IF', 'IN', 'INSTANCE', 'LAMBDA', 'LET', 'LOCAL', 'MODULE',
  'OTHER', 'RECURSIVE', 'SUBSET', 'THEN', 'THEOREM', 'UNCHANGED', 'UNION', 'VARIABLE',
  'VARIABLES', 'WITH',
  // Proof language
  'ACTION', 'BY', 'COROLLARY', 'DEF', 'DEFINE', 'DEFS', 'HAVE', 'HIDE', 'LEMMA', 'NEW',
  'OBVIOUS', 'OMITTED', 'ONLY', 'PICK', 'PROOF', 'PROPOSITION', 'PROVE', 'QED', 'STATE',
  'SUFFICES', 'TAKE', 'TEMPORAL', 'USE', 'WITNESS',
]; // prettier-ignore

const constants = ['TRUE', 'FALSE', 'BOOLEAN', 'STRING'];

/** Sets and modules so common that they read as part of the language. */
const builtins = ['Nat', 'Int', 'Real', 'Seq', 'Len', 'Head', 'Tail', 'Append', 'Cardinality'];

const plusCalKeywords = [
  'algorithm', 'fair', 'variables', 'variable', 'define', 'macro', 'procedure', 'process',
  'begin', 'end', 'if', 'then', 'else', 'elsif', 'while', 'do', 'either', 'or', 'with', 'await',
  'when', 'skip', 'goto', 'call', 'return', 'print', 'assert',
]; // prettier-ignore

export const tlaMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.tla',
  keywords,
  constants,
  builtins,
  plusCalKeywords,
  // Backslash operators: \in, \cup, \A, \X, \subseteq …; `\*` is a comment and is matched first.
  backslashOperator: /\\[a-zA-Z]+/,
  symbols: /[=><!~?:&|+\-*/^%#@$.']+/,
  unicodeOperators: /[∧∨¬∈∉∀∃≜≠≤≥⊆⊂∪∩×→←↦⟨⟩□◇⇒≡∘÷]/,
  escapes: /\\[\\"ntrf]/,

  tokenizer: {
    root: [
      [
        /(-{4,})(\s*)(MODULE)(\s+)(\w+)(\s*)(-{4,})/,
        ['delimiter.module', '', 'keyword', '', 'type.module', '', 'delimiter.module'],
      ],
      [/-{4,}|={4,}/, 'delimiter.module'],
      // An operator being defined at the start of a line: `Name ==`, `Name(a, b) ==`.
      [/^\s*[A-Za-z_]\w*(?=\s*(\([^)]*\))?\s*(==|≜))/, 'entity.name.function'],
      { include: '@code' },
    ],

    code: [
      [/\(\*\s*--(fair\s+)?algorithm\b/, { token: 'keyword.pluscal', next: '@plusCal' }],
      { include: '@whitespace' },
      [/\\[bB][01]+|\\[oO][0-7]+|\\[hH][0-9a-fA-F]+/, 'number'],
      [/\d+\.\d+/, 'number.float'],
      [/\d+/, 'number'],
      [/(WF_|SF_)(\w*)/, ['keyword', 'identifier']],
      [/@backslashOperator/, 'operator.word'],
      [
        /[A-Za-z_]\w*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@constants': 'constant',
            '@builtins': 'type',
            '@default': 'identifier',
          },
        },
      ],
      [/"/, { token: 'string.quote', next: '@string' }],
      [/<<|>>/, 'delimiter.angle'],
      [/[{}()[\]]/, '@brackets'],
      [/\\\/|\/\\/, 'operator'],
      [/@unicodeOperators/, 'operator'],
      [/@symbols/, 'operator'],
      [/[,;]/, 'delimiter'],
    ],

    whitespace: [
      [/[ \t\r\n]+/, ''],
      [/\(\*/, { token: 'comment', next: '@comment' }],
      [/\\\*.*$/, 'comment'],
    ],

    // TLA+ block comments nest.
    comment: [
      [/\(\*/, { token: 'comment', next: '@push' }],
      [/\*\)/, { token: 'comment', next: '@pop' }],
      [/[^(*]+/, 'comment'],
      [/[(*]/, 'comment'],
    ],

    string: [
      [/[^\\"]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],

    // PlusCal lives inside a comment; the comment's `*)` ends it.
    plusCal: [
      [/\*\)/, { token: 'keyword.pluscal', next: '@pop' }],
      [/[a-z]\w*(?=\s*:(?!=))/, 'tag'],
      [/[a-z]\w*/, { cases: { '@plusCalKeywords': 'keyword', '@default': 'identifier' } }],
      [/:=|\|\|/, 'operator'],
      { include: '@code' },
    ],
  },
};

export const tlaLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '\\*', blockComment: ['(*', '*)'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['<<', '>>'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '(*', close: ' *)', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
};
