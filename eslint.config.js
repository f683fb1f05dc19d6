import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import isolateUserText from './scripts/lint/isolate-user-text.js';
import useUiComponents from './scripts/lint/use-ui-components.js';
import sqlInStores from './scripts/lint/sql-in-stores.js';

/**
 * The rooms of ARCHITECTURE.md as lint rules: each folder may import only what its process can run.
 * The per-folder tsconfigs enforce the same at compile time (no Node types in renderer/, no
 * resolvable `electron` outside electron/main and electron/preload).
 */
const NODE = Symbol('node builtins');
// Bare builtin names are exact paths (as patterns, 'domain' would also match our shared/domain folder).
const restrict = (entries, message) => {
  const node = entries.includes(NODE);
  const names = entries.filter((e) => e !== NODE && !e.includes('*') && !e.includes('/'));
  const globs = entries.filter((e) => e !== NODE && (e.includes('*') || e.includes('/')));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [...(node ? builtinModules : []), ...names].map((name) => ({ name, message })),
        patterns: [...(node ? ['node:*'] : []), ...globs].map((group) => ({ group: [group], message })),
      },
    ],
  };
};

/** Parts of a request that are read in one place only, because reading them twice went wrong. */
function oneReadingOfRequests(withAddress) {
  const rules = [
    {
      // `new URL(req.url, base)` threw on the target `//` and stopped the server.
      selector: 'NewExpression[callee.name="URL"] MemberExpression[object.name=/^req(uest)?$/][property.name="url"]',
      message: 'read a request target with parseRequestTarget (shared/http/request-target.ts): it answers 400, never throws',
    },
  ];
  if (withAddress)
    rules.push(
      // The login limiter keyed on the socket's peer while the gateway honoured --trust-proxy.
      {
        selector: 'MemberExpression[property.name="remoteAddress"]',
        message: 'use clientAddress() from server/gateway/client-address.ts',
      },
      { selector: 'Literal[value=/^x-forwarded-for$/i]', message: 'use clientAddress() from server/gateway/client-address.ts' },
    );
  return rules;
}

/** An unguarded timer's SQLITE_FULL once stopped the server: repeating work goes through everyGuarded. */
const guardedTimers = [
  {
    selector: 'CallExpression[callee.name=/^set(Interval|Timeout)$/]',
    message: 'run repeating server work with everyGuarded (server/store/guarded-timer.ts): it catches, logs and backs off',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      '.tools/**',
      '.portico-data/**',
      'test-results/**',
      'test/fixtures/boundaries/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    // electron-builder loads its hooks with require(): CommonJS files are CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // SQL only in the storage implementation (*-store.ts and server/store/); no server file is exempt.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { portico: { rules: { 'sql-in-stores': sqlInStores } } },
    rules: { 'portico/sql-in-stores': 'error' },
  },
  {
    // Storage is async (issue 22): a promise nobody awaits is a write that may fail unseen or land
    // after its transaction, so every one is awaited, returned or marked `void` on purpose.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.contract.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The same in tests: an unawaited call to an async service lets the test assert before it ran.
    files: ['test/**/*.ts'],
    ignores: ['test/fixtures/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: {
      'react-hooks': reactHooks,
      portico: { rules: { 'isolate-user-text': isolateUserText, 'use-ui-components': useUiComponents } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'portico/isolate-user-text': 'error',
      'portico/use-ui-components': 'error',
      ...restrict(
        [NODE, 'electron', 'better-sqlite3', 'ws', '**/electron/**', '**/server/**'],
        'renderer/ runs in a sandboxed page: no Node, Electron, or other rooms',
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [NODE, 'electron', 'react', 'react-dom', '**/electron/**', '**/server/**', '**/renderer/**'],
      'shared/ runs everywhere: pure libraries only',
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/server/**', '**/electron/main/**', '**/electron/preload/**'],
      'electron/core runs in plain Node: no Electron, no UI, no server code',
    ),
  },
  {
    files: ['electron/browser-host/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/server/**'],
      'the browser host runs core in plain Node: no Electron, no server code',
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/server/**'], 'the shell holds adapters only: no UI or server code'),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/bridge-ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**', '**/server/**'], message: 'the shell holds adapters only' }],
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'IPC goes through bridge-ipc.ts and the bridge contract only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**'], 'the server never imports client code'),
  },
  {
    // The delivery core lies beneath the features and the gateway: it knows storage, never what is delivered.
    files: ['server/delivery/**/*.ts'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**', '**/features/**', '**/gateway/**'],
      'server/delivery imports storage and shared code only: no feature, no gateway, no client code',
    ),
  },
  {
    files: ['server/**/*.ts', 'electron/browser-host/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneReadingOfRequests(false)] },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/gateway/client-address.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneReadingOfRequests(true), ...guardedTimers] },
  },
  {
    // The socket's own timers (heartbeat, token expiry, draining) write nothing; the guard itself is a timer.
    files: [
      'server/gateway/connection.ts',
      'server/gateway/socket-gateway.ts',
      'server/store/guarded-timer.ts',
      'server/demo/**',
    ],
    rules: { 'no-restricted-syntax': ['error', ...oneReadingOfRequests(true)] },
  },
);
