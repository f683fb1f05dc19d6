/**
 * `npm run build:msi [-- --version 0.2.0] [--app-dir <win-unpacked>] [--out <file.msi>]`
 *
 * Builds the per-machine MSI from the project's own WiX source (scripts/msi/portico.wxs):
 *  1. the packaged app folder: electron-builder's `--win dir` output, against a stand-in Electron
 *     here (a real one on a release machine, or pass `--app-dir`);
 *  2. the generated fragments: the app's files (wixl-heat) and the policy properties;
 *  3. wixl (Debian's msitools) links them; on Windows, WiX 3's candle and light take the same files;
 *  4. msibuild adds the shortcut's AppUserModelID and ToastActivatorCLSID (MsiShortcutProperty),
 *     which wixl has no element for.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from '../../electron/main/app-identity.ts';
import { makeStandInElectron } from '../packaging/stand-in-electron.ts';
import { policyPropertiesWix } from './policy-properties.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const packageVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Packs the app for Windows x64 (`win-unpacked`) into `work` with a stand-in Electron; returns its folder. */
export function packWindowsApp(work: string): string {
  for (const [mode, marker] of [
    ['production', 'dist/renderer/index.html'],
    ['electron-main', 'dist/electron/main.cjs'],
    ['electron-preload', 'dist/electron/preload.cjs'],
  ] as const) {
    if (!existsSync(path.join(root, marker)))
      execFileSync(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const electronVersion = (
    JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version;
  const standIn = makeStandInElectron(work, 'win32', electronVersion);
  // electron-builder's ${platform} is the building machine: this build is for Windows, wherever it runs.
  const config = path.join(root, `.electron-builder-win32-${process.pid}.yml`);
  const platformMacro = '${platform}-${arch}.node';
  const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  if (!yml.includes(platformMacro)) throw new Error(`electron-builder.yml no longer names ${platformMacro}`);
  writeFileSync(config, yml.replace(platformMacro, 'win32-${arch}.node'));
  try {
    packWith(config, standIn, work);
  } finally {
    rmSync(config, { force: true });
  }
  return path.join(work, 'out', 'win-unpacked');
}

function packWith(config: string, standIn: string, work: string): void {
  execFileSync(
    bin('electron-builder'),
    [
      '--config',
      config,
      '--win',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${path.join(work, 'out')}`,
      // rcedit would need Wine and a download; the stand-in has no icon to set.
      '-c.win.signAndEditExecutable=false',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // The MSI's app is installed per machine and never updates itself; a release names its feed.
      env: { ...process.env, PORTICO_UPDATE_FEED: process.env.PORTICO_UPDATE_FEED ?? 'https://updates.portico.test/desktop/' },
    },
  );
}

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** The MsiShortcutProperty table in msibuild's IDT form: tab-separated, column types, then the rows. */
function shortcutPropertiesIdt(): string {
  const rows = [
    ['AppUserModelId', 'PorticoShortcut', 'System.AppUserModel.ID', APP_USER_MODEL_ID],
    ['ToastActivatorClsid', 'PorticoShortcut', 'System.AppUserModel.ToastActivatorCLSID', `{${TOAST_ACTIVATOR_CLSID}}`],
  ];
  return [
    'MsiShortcutProperty\tShortcut_\tPropertyKey\tPropVariantValue',
    's72\ts72\ts0\ts0',
    'MsiShortcutProperty\tMsiShortcutProperty',
    ...rows.map((r) => r.join('\t')),
    '',
  ].join('\r\n');
}

export interface MsiBuild {
  msi: string;
  bytes: number;
  files: number;
}

/** Builds the MSI for the app folder; `version` is the ProductVersion (major upgrades compare it). */
export function buildMsi(options: { appDir: string; version: string; out: string }): MsiBuild {
  const work = mkdtempSync(path.join(tmpdir(), 'portico-msi-'));
  try {
    const files = listFiles(options.appDir);
    // wixl finds sources only by relative paths: the app and the policy templates are linked in.
    symlinkSync(options.appDir, path.join(work, 'app'));
    symlinkSync(path.join(root, 'resources/policy'), path.join(work, 'policy'));
    const heat = execFileSync(
      'wixl-heat',
      ['--prefix', 'app/', '--directory-ref', 'INSTALLDIR', '--component-group', 'AppFiles', '--var', 'var.AppDir', '--win64'],
      { input: files.map((f) => `app/${f}`).join('\n'), encoding: 'utf8' },
    );
    writeFileSync(path.join(work, 'app-files.wxs'), heat);
    const policy = policyPropertiesWix();
    writeFileSync(path.join(work, 'policy-properties.wxi'), policy.include);
    writeFileSync(path.join(work, 'policy-components.wxs'), policy.components);
    mkdirSync(path.dirname(options.out), { recursive: true });
    rmSync(options.out, { force: true });
    execFileSync(
      'wixl',
      [
        '--arch',
        'x64',
        '-D',
        `Version=${options.version}`,
        '-D',
        'Win64=yes',
        '-D',
        'AppDir=app',
        '-D',
        'PolicyDir=policy',
        '-D',
        `ToastActivatorClsid=${TOAST_ACTIVATOR_CLSID}`,
        '-I',
        work,
        '-o',
        options.out,
        path.join(import.meta.dirname, 'portico.wxs'),
        path.join(work, 'app-files.wxs'),
        path.join(work, 'policy-components.wxs'),
      ],
      { cwd: work, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    writeFileSync(path.join(work, 'MsiShortcutProperty.idt'), shortcutPropertiesIdt());
    execFileSync('msibuild', [options.out, '-i', path.join(work, 'MsiShortcutProperty.idt')]);
    for (const query of policy.queries) execFileSync('msibuild', [options.out, '-q', query]);
    return { msi: options.out, bytes: statSync(options.out).size, files: files.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { version: { type: 'string' }, 'app-dir': { type: 'string' }, out: { type: 'string' } },
  });
  const version = values.version ?? packageVersion;
  const work = mkdtempSync(path.join(tmpdir(), 'portico-win-'));
  try {
    const started = performance.now();
    const appDir = values['app-dir'] ?? packWindowsApp(work);
    const out = path.resolve(values.out ?? path.join(root, 'release', `Portico-${version}-x64.msi`));
    const built = buildMsi({ appDir, version, out });
    console.log(
      `built ${path.relative(process.cwd(), built.msi)}: ${(built.bytes / 1024 / 1024).toFixed(1)} MB, ${built.files} files, in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
