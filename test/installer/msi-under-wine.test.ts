/**
 * The MSI installed, upgraded and removed by the real msiexec under Wine (headless, a prefix of
 * the test's own), and the app's policy reader run against Wine's real reg.exe. The cases run in
 * order on one machine, as an IT department would meet them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../electron/core/policy/load-policy.ts';
import { decodeRegExport, parseRegExport } from '../../electron/core/policy/reg-export-format.ts';
import { regExportRunner } from '../../electron/core/policy/registry-policy.ts';
import { lockedKeys } from '../../electron/core/policy/resolve-policy.ts';
import { normalizeServerUrl } from '../../electron/core/session/server-address.ts';
import { buildTestMsis, type TestMsis } from './built-msis.ts';
import { launchConditionsFailed, loggedFolder, msiexec, msiexecAsService } from './msi-install.ts';
import { exportHive, fixtureFile, writePolicyValues } from './reg-fixtures.ts';
import { createWinePrefix, type WinePrefix } from './wine-prefix.ts';

/** msiexec's 1603 (the install failed) as a Linux exit status, which keeps the low byte: 67. */
const INSTALL_FAILED = 1603 & 0xff;
const SLOW = 120_000;
/** The service manager's start and the install it runs (msi-install.ts waits up to 90 s and 150 s). */
const SERVICE_INSTALL = 300_000;

let work: string;
let msi: TestMsis;
let wine: WinePrefix;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'portico-wine-msi-'));
  msi = buildTestMsis(work);
  wine = await createWinePrefix();
}, 240_000);

afterAll(async () => {
  await wine?.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** The app's own policy resolution, with the reg command pointed at Wine's reg.exe. */
const machinePolicy = () =>
  loadPolicy({
    platform: 'win32',
    env: {},
    reg: regExportRunner(wine.reg, wine.windowsPath),
    file: path.join(work, 'no-policy-file.json'),
    log: () => undefined,
  });

/** One key's values as reg export gives them (empty when the key is gone). */
async function keyValues(key: string): Promise<Record<string, unknown>> {
  const file = path.join(work, `export-${Date.now()}.reg`);
  const code = await wine.reg(['export', key, wine.windowsPath(file), '/y']);
  if (code !== 0) return {};
  return Object.fromEntries(parseRegExport(decodeRegExport(readFileSync(file))).map((v) => [`${v.key}|${v.name}`, v.data]));
}

const programFolder = () => path.join(wine.driveC, 'Program Files', 'Portico');
const installedVersion = async () =>
  (await keyValues('HKLM\\SOFTWARE\\Portico\\Installer'))['HKEY_LOCAL_MACHINE\\SOFTWARE\\Portico\\Installer|Version'];

describe('installed by msiexec under Wine', () => {
  it(
    'refuses a property value the app would ignore, and installs nothing',
    async () => {
      const run = await msiexec(wine, '/i', msi.v1, ['AUTOSTART=yes']);
      expect(run.code).toBe(INSTALL_FAILED);
      // The message itself is in the LaunchCondition table (msi-contents.test.ts); Wine logs only the failure.
      expect(launchConditionsFailed(run.log)).toBe(true);
      expect(run.log).toContain('AUTOSTART = yes');
      expect(existsSync(programFolder())).toBe(false);
    },
    SLOW,
  );

  it(
    'writes the properties when the service manager runs the install, as deployment tools do',
    async () => {
      const run = await msiexecAsService(wine, msi.v1, ['SERVER_URL=https://deploy.example.com', 'LOCK_SERVER=1']);
      expect(run.code).toBe(0);
      const policy = await machinePolicy();
      expect(policy.values).toMatchObject({ serverUrl: 'https://deploy.example.com', allowServerChange: false });
      expect(policy.sourceOf.serverUrl).toBe('machine');
      expect((await msiexec(wine, '/x', msi.v1)).code).toBe(0);
      expect((await machinePolicy()).values).toEqual({});
    },
    SERVICE_INSTALL,
  );

  it(
    "installs silently with IT's properties, which the app reads back as locked machine policy",
    async () => {
      const run = await msiexec(wine, '/i', msi.v1, [
        'SERVER_URL=wss://oa.example.com',
        'LOCK_SERVER=1',
        'LANGUAGE=zh-CN',
        'AUTOSTART=1',
      ]);
      expect(run.code).toBe(0);
      expect(existsSync(path.join(programFolder(), 'Portico.exe'))).toBe(true);
      expect(existsSync(path.join(programFolder(), 'resources', 'app.asar'))).toBe(true);
      const policy = await machinePolicy();
      expect(policy.values).toEqual({
        serverUrl: 'wss://oa.example.com',
        allowServerChange: false,
        defaultLanguage: 'zh-CN',
        autoStart: true,
      });
      expect(policy.sourceOf).toMatchObject({ serverUrl: 'machine', allowServerChange: 'machine' });
      expect(lockedKeys(policy)).toContain('serverUrl');
      expect(normalizeServerUrl(policy.values.serverUrl!)?.wsUrl).toBe('wss://oa.example.com/ws');
      // Nothing landed in the installing account's own hive.
      expect(await keyValues('HKCU\\SOFTWARE\\Policies\\Portico')).toEqual({});
      // The shortcut lands where the installer resolved the Start menu (Wine resolves it per user).
      const startMenu = loggedFolder(wine, run.log, 'ProgramMenuFolder');
      expect(startMenu && existsSync(path.join(startMenu, 'Portico.lnk'))).toBe(true);
      expect(await keyValues('HKLM\\SOFTWARE\\Classes\\portico\\shell\\open\\command')).toEqual({
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\portico\\shell\\open\\command|@':
          '"C:\\Program Files\\Portico\\Portico.exe" "%1"',
      });
    },
    SLOW,
  );

  it(
    'upgrades to 0.2.0 keeping the settings not given again and taking the ones that are',
    async () => {
      const run = await msiexec(wine, '/i', msi.v2, ['SERVER_URL=https://oa2.example.com']);
      expect(run.code).toBe(0);
      expect(await installedVersion()).toBe('0.2.0');
      const policy = await machinePolicy();
      expect(policy.values).toEqual({
        serverUrl: 'https://oa2.example.com',
        allowServerChange: false,
        defaultLanguage: 'zh-CN',
        autoStart: true,
      });
      const uninstall = Object.entries(await keyValues('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall'));
      const entries = uninstall.filter(([key, value]) => key.endsWith('|DisplayName') && value === 'Portico');
      expect(entries).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'refuses to go back to an older version',
    async () => {
      const run = await msiexec(wine, '/i', msi.v1);
      expect(run.code).not.toBe(0);
      expect(launchConditionsFailed(run.log)).toBe(true);
      expect(run.log).toMatch(/WIX_DOWNGRADE_DETECTED = \{/);
      expect(await installedVersion()).toBe('0.2.0');
    },
    SLOW,
  );

  it(
    "uninstalls the program and the machine policy it wrote, and keeps each user's data",
    async () => {
      const users = readdirSync(path.join(wine.driveC, 'users')).filter((u) => u !== 'Public');
      const userData = path.join(wine.driveC, 'users', users[0]!, 'AppData', 'Roaming', 'Portico');
      mkdirSync(userData, { recursive: true });
      writeFileSync(path.join(userData, 'config.json'), '{"serverUrl":"https://oa2.example.com"}');
      expect((await msiexec(wine, '/x', msi.v2)).code).toBe(0);
      expect(existsSync(programFolder())).toBe(false);
      expect((await machinePolicy()).values).toEqual({});
      expect(await keyValues('HKLM\\SOFTWARE\\Classes\\portico')).toEqual({});
      expect(readFileSync(path.join(userData, 'config.json'), 'utf8')).toContain('oa2.example.com');
    },
    SLOW,
  );
});

describe("the policy reader on Wine's real reg.exe", () => {
  it(
    'reads back every type reg add wrote, exactly as the committed fixtures say',
    async () => {
      await writePolicyValues(wine);
      for (const hive of ['HKLM', 'HKCU'] as const) {
        const live = parseRegExport(decodeRegExport(await exportHive(wine, hive)));
        expect(live).toEqual(parseRegExport(decodeRegExport(readFileSync(fixtureFile(hive)))));
      }
      const policy = await machinePolicy();
      expect(policy.values).toMatchObject({
        serverUrl: 'https://oa.example.com',
        allowServerChange: false,
        chatEnabled: false,
        allowedPrograms: expect.arrayContaining(['C:\\Program Files (x86)\\用友\\U8\\U8Login.exe']),
      });
      expect(policy.sourceOf).toMatchObject({ serverUrl: 'machine', chatEnabled: 'user' });
    },
    SLOW,
  );
});
