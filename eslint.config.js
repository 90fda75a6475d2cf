// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The layering of GUIDE.md, held by the linter: shared/ is pure and imports nothing of the app,
 * electron/ and renderer/ never import each other, and the renderer never touches Electron.
 */
const layering = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './shared',
          from: ['./renderer', './electron', './e2e', './bench', './build'],
          message: 'shared/ is pure TypeScript used by both sides: it imports only itself.',
        },
        {
          target: './renderer',
          from: ['./electron', './e2e', './bench', './build'],
          message: 'The renderer runs unchanged in a browser: it talks to Electron only through src/platform.',
        },
        {
          target: './electron',
          from: ['./renderer', './e2e', './bench'],
          message: 'electron/ may import shared/, never the renderer.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: true },
    },
    rules: {
      ...layering,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', 'react', 'react-dom', 'dexie'], message: 'shared/ has no Node, DOM, Electron, React or Dexie.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron; use src/platform.' }],
          patterns: [
            { group: ['electron/*', '**/electron/**'], message: 'The renderer never imports Electron code.' },
          ],
        },
      ],
    },
  },
  {
    // A feature is used by the rest of the app only through its index.ts.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron; use src/platform.' }],
          patterns: [
            { group: ['**/features/*/*', '!**/features/*/index'], message: 'Import a feature through its index.ts.' },
            { group: ['electron/*', '**/electron/**'], message: 'The renderer never imports Electron code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron; use src/platform.' }],
          patterns: [
            { group: ['../*/*', '!../*/index', '../../features/*/*'], message: 'Import another feature through its index.ts.' },
            { group: ['electron/*', '**/electron/**'], message: 'The renderer never imports Electron code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.{js,mjs}', 'e2e/**/*.ts', 'bench/**/*.{ts,mjs,js}', '*.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
