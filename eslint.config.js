import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// The fence: the geometry core, the analysis and the data layer stay pure (no Svelte, MapLibre or DOM),
// so the same code runs in Node, the browser and a Web Worker.
const fence = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['svelte', 'svelte/*', '*.svelte'], message: 'lib/geo, lib/analysis and lib/data must not import Svelte' },
      { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'lib/geo, lib/analysis and lib/data must not import MapLibre' },
      { group: ['**/components/*', '**/lib/map/*', '**/lib/state/*'], message: 'lib/geo, lib/analysis and lib/data must not import UI modules' },
    ],
  }],
  'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
};

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'test-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Our Maps and Sets are $derived snapshots, rebuilt on change and never mutated: plain ones are right.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['src/lib/geo/**/*.ts', 'src/lib/analysis/**/*.ts', 'src/lib/data/**/*.ts'], rules: fence },
  // lib/geo is package-agnostic: it knows nothing of the data package or its analysis
  {
    files: ['src/lib/geo/**/*.ts'],
    rules: {
      ...fence,
      'no-restricted-imports': ['error', {
        patterns: [
          ...fence['no-restricted-imports'][1].patterns,
          { group: ['**/lib/analysis/*', '../analysis/*', '**/lib/data/*', '../data/*'], message: 'lib/geo is package-agnostic: it must not import lib/analysis or lib/data' },
        ],
      }],
    },
  },
);
