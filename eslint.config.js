// Lint, including the process boundary (DESIGN.md §1): the renderer and shared code may not
// import Electron, Node or keytar, and only the preload may touch ipcRenderer. Main's domains
// (everything but the Electron wiring) may not import Electron either, and no module may take
// part in an import cycle.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// import-x's TypeScript settings (extensions, parsers), with the resolver given as resolver-next below.
const { 'import-x/resolver': _legacyResolver, ...importXTypeScript } = importX.flatConfigs.typescript.settings;

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
    // Electron is wired in at the edges: main.ts, the preload, electron/app (windows, menus,
    // dialogs, native images), electron/security (sender checks, the grant channel) and the IPC
    // binding. Every domain below them takes Electron's pieces as injected functions, so the web
    // host and the tests run the same code with Node's.
    files: ['electron/**/*.{ts,mts}'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/app/**', 'electron/security/**', 'electron/ipc/bind-electron.ts', 'electron/*.d.mts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Main-process domains take Electron pieces by injection; only main.ts, preload.ts, electron/app/*, electron/security/* and ipc/bind-electron.ts import electron.' }],
          patterns: [{ group: ['electron/*'], message: 'Main-process domains take Electron pieces by injection.' }],
        },
      ],
    },
  },
  {
    // No import cycles (type-only imports are erased at build time and not followed here; the
    // dependency-cruiser check in tests/unit/import-cycles.test.ts counts those too).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importXTypeScript,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'renderer/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/web-host/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', processBoundary] },
  },
);
