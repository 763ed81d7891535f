/** Editor colour themes matching the app's light and dark palettes (styles/theme.css). */
import type { editor } from 'monaco-editor/editor/editor.api';

export const editorThemeNames = { light: 'specstage-light', dark: 'specstage-dark' } as const;

export const lightTheme: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '0b4f9c', fontStyle: 'bold' },
    { token: 'keyword.pluscal', foreground: '8a4b00', fontStyle: 'bold' },
    { token: 'operator', foreground: '7a3e9d' },
    { token: 'operator.word', foreground: '7a3e9d' },
    { token: 'number', foreground: '0a7a4b' },
    { token: 'string', foreground: 'a3341c' },
    { token: 'string.escape', foreground: 'c2185b' },
    { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
    { token: 'constant', foreground: '0b7285' },
    { token: 'type', foreground: '1f7a8c' },
    { token: 'type.module', foreground: '1f7a8c', fontStyle: 'bold' },
    { token: 'entity.name.function', foreground: '7c5a00' },
    { token: 'delimiter.module', foreground: '9ca3af' },
    { token: 'tag', foreground: 'b45309' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#9ca3af',
    // A trace step's action definition, shown from the trace view.
    'editor.rangeHighlightBackground': '#ffd24a40',
  },
};

export const darkTheme: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '7cb7ff', fontStyle: 'bold' },
    { token: 'keyword.pluscal', foreground: 'f0b35a', fontStyle: 'bold' },
    { token: 'operator', foreground: 'd19af0' },
    { token: 'operator.word', foreground: 'd19af0' },
    { token: 'number', foreground: '9fd8a8' },
    { token: 'string', foreground: 'f0a07a' },
    { token: 'string.escape', foreground: 'ff8fb8' },
    { token: 'comment', foreground: '8b949e', fontStyle: 'italic' },
    { token: 'constant', foreground: '66d9e8' },
    { token: 'type', foreground: '5fd3bc' },
    { token: 'type.module', foreground: '5fd3bc', fontStyle: 'bold' },
    { token: 'entity.name.function', foreground: 'e8d48a' },
    { token: 'delimiter.module', foreground: '6b7280' },
    { token: 'tag', foreground: 'f0b35a' },
  ],
  colors: {
    'editor.background': '#15181d',
    'editorLineNumber.foreground': '#5c6470',
    'editor.rangeHighlightBackground': '#f0c06030',
  },
};
