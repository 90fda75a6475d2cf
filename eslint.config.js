// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** The renderer's feature folders; each may use another only through its index.ts. */
const features = readdirSync(new URL('./renderer/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.flatMap((target) =>
  features
    .filter((from) => from !== target)
    .map((from) => ({
      target: `./renderer/src/features/${target}`,
      from: `./renderer/src/features/${from}`,
      except: ['./index.ts'],
      message: `Use the ${from} feature through its index.ts.`,
    })),
);

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
          message:
            'The renderer runs unchanged in a browser: it talks to Electron only through src/platform.',
        },
        {
          target: './electron',
          from: ['./renderer', './e2e', './bench'],
          message: 'electron/ may import shared/, never the renderer.',
        },
        {
          target: './renderer/src/!(features)/**',
          from: './renderer/src/features/*/!(index).{ts,tsx}',
          message: 'Use a feature through its index.ts.',
        },
        ...featureZones,
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'shared/tsconfig.json',
            'renderer/tsconfig.json',
            'electron/tsconfig.json',
            'tsconfig.node.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
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
    ignores: ['shared/**/*.test.ts', 'shared/**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'dexie'],
              message: 'shared/ has no Node, DOM, Electron, React or Dexie.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use (TanStack Virtual trips it).
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer never imports Electron; use src/platform.' },
          ],
          patterns: [
            {
              group: ['electron/*', '**/electron/**'],
              message: 'The renderer never imports Electron code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'build/**/*.{js,mjs}',
      'e2e/**/*.ts',
      'bench/**/*.{ts,mjs,js}',
      '*.{js,ts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Benchmarks run code in the page (page.evaluate) as well as in Node.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
