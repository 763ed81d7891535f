/** A Monarch tokenizer for TLC model configs (.cfg). */
import type { languages } from 'monaco-editor/editor/editor.api';

export const cfgLanguageId = 'tlacfg';

export const cfgMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.cfg',
  keywords: [
    'CONSTANT', 'CONSTANTS', 'INIT', 'NEXT', 'SPECIFICATION', 'INVARIANT', 'INVARIANTS',
    'PROPERTY', 'PROPERTIES', 'SYMMETRY', 'VIEW', 'CONSTRAINT', 'CONSTRAINTS',
    'ACTION_CONSTRAINT', 'ACTION_CONSTRAINTS', 'CHECK_DEADLOCK', 'POSTCONDITION', 'ALIAS',
  ], // prettier-ignore
  constants: ['TRUE', 'FALSE'],
  tokenizer: {
    root: [
      [/[ \t\r\n]+/, ''],
      [/\\\*.*$/, 'comment'],
      [/\(\*/, { token: 'comment', next: '@comment' }],
      [/-?\d+/, 'number'],
      [
        /[A-Za-z_]\w*/,
        { cases: { '@keywords': 'keyword', '@constants': 'constant', '@default': 'identifier' } },
      ],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/<-|=/, 'operator'],
      [/[{}[\]]/, '@brackets'],
      [/,/, 'delimiter'],
    ],
    comment: [
      [/\(\*/, { token: 'comment', next: '@push' }],
      [/\*\)/, { token: 'comment', next: '@pop' }],
      [/[^(*]+/, 'comment'],
      [/[(*]/, 'comment'],
    ],
  },
};

export const cfgLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '\\*', blockComment: ['(*', '*)'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
};
