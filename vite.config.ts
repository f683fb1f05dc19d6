import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, three builds, picked by --mode:
 *   (default)         renderer/ → dist/renderer (the React UI, served by Electron or the browser host)
 *   electron-main     electron/main → dist/electron/main.cjs (core bundled in; native and Electron external)
 *   electron-preload  electron/preload → dist/electron/preload.cjs (sandboxed: everything bundled but electron)
 * Vitest reads the `test` block.
 */
// electron-store and conf are ESM-only: left external, a CommonJS main.cjs cannot construct them
// (`new electron_store.default(...)` is "not a constructor", electron-store issue #298). Bundled, they are plain code.
const nodeExternals = [
  'electron',
  'better-sqlite3',
  'electron-updater',
  // Loaded only by the browser host, for PAC scripts (Electron runs them in the app): left out of main.cjs.
  'pac-resolver',
  'quickjs-wasi',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

function electronBuild(entry: string, fileName: string, external: string[]): UserConfig {
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: false,
      sourcemap: false,
      minify: false,
      // A Node bundle read from the asar, never downloaded: 2.8 MB unminified (undici is most of it) is fine.
      chunkSizeWarningLimit: 4096,
      target: 'node22',
      ssr: entry,
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: fileName } },
    },
    ssr: { noExternal: true },
  };
}

/** Files whose assertions include timings (latency under load, search speed, keystrokes). */
const timedTests = [
  'test/integration/notices-scale.test.ts',
  // Honest clients' delivery p99 with and without 200 paused readers: a latency comparison.
  'test/integration/slow-readers.test.ts',
  'electron/core/features/chat/chat-cache.test.ts',
  'renderer/features/launcher/palette-search.test.ts',
];

/** Robustness against hostile input and failing machines (fuzzing, a full disk): not calendar-bound. */
const robustnessTests = [
  'test/integration/*-fuzz.test.ts',
  'test/integration/disk-full.test.ts',
  'test/integration/reconnect.test.ts',
  'test/integration/reconnect-herd.test.ts',
];

/**
 * Running the server for real: the recovery drill (200 writing PCs, a backup beside the server, the
 * server killed and restored), a real nginx in front, TLS renewals, the package installed alone, the
 * deployment files, the admin command line. Heavy and not calendar-bound: they run last, after the
 * timed tests, so they never share the cores with the fuzzers' or the timed tests' latency checks.
 */
const operationsTests = [
  'test/integration/backup-restore.test.ts',
  'test/integration/nginx-proxy.test.ts',
  'test/integration/server-tls.test.ts',
  'test/integration/server-package.test.ts',
  'test/integration/deploy-files.test.ts',
  'test/integration/admin-command.test.ts',
];

export default defineConfig(({ mode }) => {
  if (mode === 'electron-main') return electronBuild('electron/main/main.ts', 'main.cjs', nodeExternals);
  if (mode === 'electron-preload') return electronBuild('electron/preload/preload.ts', 'preload.cjs', ['electron']);
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: false },
    test: {
      root: '.',
      pool: 'forks',
      // Two at a time (Vitest's default is one fewer than the cores: one, here): the MSI under Wine,
      // the PCs in namespaces and the reconnect tests mostly wait, and the rest share two cores well.
      maxWorkers: 2,
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // Tests that measure time run last and one file at a time, so two heavy files sharing the
      // machine's two cores never decide each other's figures.
      projects: [
        {
          extends: true,
          test: {
            name: 'functional',
            environment: 'node',
            include: [
              'shared/**/*.test.ts',
              'server/**/*.test.ts',
              'electron/**/*.test.ts',
              'renderer/**/*.test.{ts,tsx}',
              'test/integration/**/*.test.ts',
              'test/bench/**/*.test.ts',
              'test/shell/**/*.test.ts',
            ],
            exclude: [...timedTests, ...robustnessTests, ...operationsTests],
            sequence: { groupOrder: 0 },
          },
        },
        {
          // Hostile requests by the thousand, paused readers, a full disk: robustness, not the calendar,
          // so the moved-clock runs (scripts/test-moved-clock.ts) leave them out.
          extends: true,
          test: {
            name: 'robustness',
            environment: 'node',
            include: robustnessTests,
            sequence: { groupOrder: 0 },
          },
        },
        {
          // The MSI built with wixl and installed by msiexec under Wine: not calendar-bound either.
          extends: true,
          test: {
            name: 'installer',
            environment: 'node',
            include: ['test/installer/**/*.test.ts'],
            sequence: { groupOrder: 0 },
          },
        },
        {
          // Office PCs in network namespaces of their own, the server outside: cables pulled,
          // packets dropped, the server killed. Needs root and iproute2 (CI has both).
          extends: true,
          test: {
            name: 'network',
            environment: 'node',
            include: ['test/netns/**/*.test.ts'],
            sequence: { groupOrder: 0 },
          },
        },
        {
          // The desktop on a company's network and desktop: a private CA, a real forward proxy
          // (tinyproxy), a real notification daemon (dunst on Xvfb). Not calendar-bound.
          extends: true,
          test: {
            name: 'desktop-environment',
            environment: 'node',
            include: ['test/corporate/**/*.test.ts'],
            sequence: { groupOrder: 0 },
          },
        },
        {
          extends: true,
          test: {
            name: 'timed',
            environment: 'node',
            include: timedTests,
            fileParallelism: false,
            sequence: { groupOrder: 1 },
          },
        },
        {
          extends: true,
          test: {
            name: 'operations',
            environment: 'node',
            include: operationsTests,
            sequence: { groupOrder: 2 },
          },
        },
      ],
    },
  };
});
