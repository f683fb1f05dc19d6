/**
 * Packs the app as electron-builder would for real, against a stand-in Electron folder (this
 * machine cannot download Electron), then checks what the asar holds and must not hold, that the
 * native module is unpacked, that the fuses were flipped, and the size. `npm run check:package`.
 */
import { extractAll, listPackage } from '@electron/asar';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FUSE_SENTINEL, makeStandInElectron } from './packaging/stand-in-electron.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'portico-package-'));
const problems: string[] = [];
const check = (ok: boolean, message: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) problems.push(message);
};

const SENTINEL = FUSE_SENTINEL;
const UPDATE_FEED = 'https://updates.portico.test/desktop/';
const standIn = makeStandInElectron(
  work,
  'linux',
  JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version,
);

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const started = performance.now();
for (const mode of ['production', 'electron-main', 'electron-preload'])
  execFileSync(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
execFileSync(
  bin('electron-builder'),
  ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${standIn}`, `-c.directories.output=${path.join(work, 'out')}`],
  {
    cwd: root,
    // A test pack, not a release: the feed is a placeholder the check reads back from app-update.yml.
    env: { ...process.env, PORTICO_UPDATE_FEED: UPDATE_FEED },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const appDir = path.join(work, 'out', 'linux-unpacked');
const updateConfig = path.join(appDir, 'resources', 'app-update.yml');
check(
  existsSync(updateConfig) && readFileSync(updateConfig, 'utf8').includes(`url: ${UPDATE_FEED}`),
  'app-update.yml names the update feed (electron-updater reads it)',
);
const asarFile = path.join(appDir, 'resources', 'app.asar');
console.log(`packed in ${Math.round(performance.now() - started)} ms`);

const entries = listPackage(asarFile, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
const has = (file: string) => entries.includes(file);
for (const file of [
  '/package.json',
  '/dist/electron/main.cjs',
  '/dist/electron/preload.cjs',
  '/dist/renderer/index.html',
  '/resources/icons/tray.png',
]) {
  check(has(file), `asar holds ${file}`);
}
for (const [label, pattern] of [
  ['server code', /^\/server\//],
  ['tests', /^\/test\/|\.test\.[cm]?[jt]sx?$|\.spec\.[cm]?[jt]sx?$/],
  ['TypeScript sources', /^\/(electron|renderer|shared|scripts)\//],
  ['source maps', /\.map$/],
  ['the Electron npm package (its binary is the shell itself)', /^\/node_modules\/electron\//],
] as const) {
  const found = entries.filter((e) => pattern.test(e));
  check(found.length === 0, `asar holds no ${label}${found.length ? `: ${found.slice(0, 3).join(', ')}` : ''}`);
}

// Modules the app loads at run time: what Vite leaves external in the main bundle, and their dependencies.
function closure(names: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return seen;
}
// electron-store and conf are bundled into main.cjs (ESM-only: external, CommonJS could not construct them).
const runtime = closure(['better-sqlite3', 'electron-updater']);
const packedModules = new Set(
  entries
    .map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1])
    .filter((m): m is string => m !== undefined && !m.endsWith('/node_modules')),
);
const extra = [...packedModules].filter((m) => !runtime.has(m) && ![...runtime].some((r) => r.startsWith(`${m}/`)));
check(
  extra.length === 0,
  `node_modules in the asar are only the runtime closure${extra.length ? `; extra: ${extra.join(', ')}` : ''}`,
);
const missing = ['better-sqlite3', 'electron-updater'].filter((m) => !packedModules.has(m));
check(missing.length === 0, `the externals are packed${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);

const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
const nativeFiles = existsSync(unpacked)
  ? execFileSync('find', [unpacked, '-name', '*.node'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
  : [];
const target = `${process.platform}-${process.arch}.node`;
check(
  nativeFiles.length === 1 && nativeFiles[0]!.endsWith(target),
  `better-sqlite3's native binary for this target only is unpacked from the asar (${nativeFiles.map((f) => path.relative(appDir, f)).join(', ') || 'none'})`,
);

// Fuse states: '0' off, '1' on, in Electron's FuseV1 order.
const binary = readFileSync(path.join(appDir, 'portico'));
const at = binary.indexOf(SENTINEL) + SENTINEL.length;
const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
const fuses = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];
const expected: Record<string, string> = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  GrantFileProtocolExtraPrivileges: '0',
};
for (const [name, state] of Object.entries(expected))
  check(wire[fuses.indexOf(name)] === state, `fuse ${name} is ${state === '1' ? 'on' : 'off'}`);

const size = (file: string): number =>
  statSync(file).isDirectory() ? readdirSync(file).reduce((sum, f) => sum + size(path.join(file, f)), 0) : statSync(file).size;
const asarMb = statSync(asarFile).size / 1024 / 1024;
const unpackedMb = size(path.join(appDir, 'resources', 'app.asar.unpacked')) / 1024 / 1024;
check(asarMb < 8, `app.asar is ${asarMb.toFixed(1)} MB (limit 8 MB); unpacked native module ${unpackedMb.toFixed(1)} MB`);

// What ships must start: the packed main.cjs, with the packed node_modules, in Node with Electron stood in.
extractAll(asarFile, path.join(work, 'app'));
execFileSync('cp', ['-r', path.join(appDir, 'resources', 'app.asar.unpacked', '.'), path.join(work, 'app')]);
const packedStart = await startsWithStandIn(path.join(work, 'app', 'dist', 'electron', 'main.cjs'), path.join(work, 'user-data'));
check(packedStart === 'started', `the packed main.cjs starts (window, tray and bridge set up): ${packedStart}`);

rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\npackage check failed: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('\npackage check passed');

/** Runs a main bundle under test/shell's recording stand-in until it registers its bridge handler. */
function startsWithStandIn(mainFile: string, userData: string): Promise<string> {
  mkdirSync(userData, { recursive: true });
  const child = spawn(process.execPath, ['--import', path.join(root, 'test/shell/register-stand-in.ts'), mainFile], {
    env: { ...process.env, STAND_IN_USER_DATA: userData, PORTICO_SERVER_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const finish = (verdict: string) => {
      clearInterval(poll);
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(verdict);
    };
    child.on('message', (reply: { calls?: { api: string }[] }) => {
      if (reply.calls?.some((c) => c.api === 'ipcMain.handle')) finish('started');
    });
    child.once('exit', (code) => finish(`exited with ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`));
    const poll = setInterval(() => child.connected && child.send({ id: 1, command: { type: 'report' } }), 100);
    const timer = setTimeout(() => finish(`not started within 15 s: ${output.slice(-300)}`), 15_000);
  });
}
