// Lint rules, including the layers: what may import what.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Folders of the core: plain Node that runs in tests and in browser mode, never in Electron only. */
const coreFiles = [
  'electron/core/**',
  'electron/db/**',
  'electron/courses/**',
  'electron/quiz/**',
  'electron/certificates/**',
  'electron/exercises/**',
  'electron/pdf/**',
  'electron/server/**',
  'electron/reports/**',
  'electron/crypto/**',
  'electron/progress-files/**',
  'electron/xapi/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.package-cache/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or handles loses its failure (an unhandled
    // rejection, or an error page that never shows). The three tsconfigs cover every TS file.
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests may assert that a value is there with `!`: a wrong guess fails the test, which is the point.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: coreFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core must not import electron: it runs in browser mode and tests too.' }] },
      ],
    },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The contract is shared with the renderer and preload: zod only.',
          })),
          patterns: [{ group: ['../*'], message: 'The contract stands alone: it imports nothing from the rest of the app.' }],
        },
      ],
    },
  },
  {
    // Runs in the lesson's Web Worker and in grading's worker thread: it takes its engine and its
    // worker from them and imports only the contract's types.
    files: ['electron/sql-runner/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['electron', ...nodeBuiltins].map((name) => ({
              name,
              message: 'The SQL runner is shared with the renderer: no Node built-ins.',
            })),
            {
              name: 'sql.js',
              allowTypeImports: true,
              message: 'Each worker loads its own sql.js build and passes the engine in.',
            },
          ],
          patterns: [
            { regex: '^\\.\\./(?!contract/)', message: 'The SQL runner imports only the contract from the rest of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/rules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The shared rules run in the renderer too: no Node built-ins, no electron.',
          })),
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer runs in a sandboxed page: no Node built-ins, no electron.',
          })),
          patterns: [
            {
              regex: 'electron/(?!contract/|sql-runner/|rules/)',
              message: 'The renderer may import only the contract, the SQL runner and the shared rules from electron/.',
            },
          ],
        },
      ],
    },
  },
);
