// Lint, including the process boundary (DESIGN.md §1): the renderer and shared code may not
// import Electron, Node or keytar, and only the preload may touch ipcRenderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `${name}/*`]);

/** Imports that would pull main-process powers into DOM-only code. */
const processBoundary = {
  paths: [
    { name: 'electron', message: 'Only electron/ may import Electron; the renderer talks to main through window.ouro.' },
    { name: 'keytar', message: 'The keychain belongs to the main process.' },
    ...builtinModules.map((name) => ({ name, message: 'Node modules are main-process only.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Node modules are main-process only.' },
    { group: nodeBuiltins.filter((n) => n.endsWith('/*')), message: 'Node modules are main-process only.' },
    { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'Renderer and shared code may not reach into electron/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', processBoundary],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', processBoundary] },
  },
  {
    // ipcRenderer is the preload's alone: nothing else in electron/ (or anywhere) may import it.
    files: ['electron/**/*.{ts,mts,js,mjs}', 'tests/**/*.{ts,tsx}'],
    ignores: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'Only electron/preload.ts may use ipcRenderer.' }] },
      ],
    },
  },
  {
    files: ['electron/web-host/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', processBoundary] },
  },
);
