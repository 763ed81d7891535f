import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The engine runs in a Web Worker, in Node worker_threads and in the CLI: no React, no DOM. */
const engineFolders = [
  'src/core',
  'src/tla',
  'src/cfg',
  'src/trace',
  'src/eval',
  'src/quint',
  'src/check',
  'src/formats',
  'src/pluscal',
  'src/validate',
];
const uiOnlyPackages = ['react', 'react-dom', 'zustand', 'd3', 'monaco-editor'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'scratch/',
      'test-results/',
      'playwright-report/',
      'e2e/artifacts/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      // Only the Node globals these scripts use; the `globals` package is not a dependency.
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: engineFolders.map((folder) => `${folder}/**/*.{ts,tsx,js,mjs}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiOnlyPackages.map((name) => ({
            name,
            message: 'Engine code imports no UI library: it also runs in workers and the CLI.',
          })),
          patterns: [
            {
              group: [...uiOnlyPackages.map((name) => `${name}/*`), 'd3-*'],
              message: 'Engine code imports no UI library: it also runs in workers and the CLI.',
            },
            {
              group: ['**/ui', '**/ui/**'],
              message:
                'Engine code must not depend on src/ui; the UI reaches the engine through workers/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'Engine code has no DOM: it runs in workers and in Node.',
        })),
      ],
    },
  },
);
