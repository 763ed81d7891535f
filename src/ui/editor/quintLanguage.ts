/** A Monarch tokenizer for Quint (.qnt): keywords, types, comments, strings, numbers, operators. */
import type { languages } from 'monaco-editor/editor/editor.api';

export const quintLanguageId = 'quint';

export const quintMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.qnt',
  keywords: [
    'module', 'import', 'export', 'from', 'as', 'const', 'var', 'val', 'def', 'pure', 'action',
    'temporal', 'nondet', 'run', 'type', 'assume', 'if', 'else', 'match', 'all', 'any', 'and',
    'or', 'not', 'iff', 'implies', 'and', 'or',
  ], // prettier-ignore
  typeKeywords: ['int', 'str', 'bool', 'Set', 'List', 'Rec', 'Tup'],
  constants: ['true', 'false', 'Nat', 'Int', 'Bool'],
  tokenizer: {
    root: [
      [/[ \t\r\n]+/, ''],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, { token: 'comment', next: '@comment' }],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/0x[0-9a-fA-F_]+|\d[\d_]*/, 'number'],
      [/[A-Za-z_][A-Za-z0-9_]*(?=')/, 'identifier'],
      [
        /[A-Za-z_][A-Za-z0-9_]*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@typeKeywords': 'type',
            '@constants': 'constant',
            '@default': 'identifier',
          },
        },
      ],
      [/'/, 'operator'],
      [/[{}()[\]]/, '@brackets'],
      [/=>|->|==|!=|<=|>=|::|[=<>+\-*/%^.|:]/, 'operator'],
      [/[,;]/, 'delimiter'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, { token: 'comment', next: '@pop' }],
      [/[/*]/, 'comment'],
    ],
  },
};

export const quintLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
};
