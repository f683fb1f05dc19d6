/**
 * The per-machine MSI, built here from the project's WiX source by wixl and read back with
 * msitools: what it promises IT, table by table (msi-under-wine.test.ts installs it).
 */
import { listPackage } from '@electron/asar';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyDefinitions } from '../../electron/core/policy/policy-definitions.ts';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from '../../electron/main/app-identity.ts';
import { policyProperties } from '../../scripts/msi/policy-properties.ts';
import { extractMsi, msiFileList, msiTable, summaryInfo } from './msi-tables.ts';
import { buildTestMsis, type TestMsis } from './built-msis.ts';

const UPGRADE_CODE = '{6F1B4A8E-3C55-4A8E-9A0E-5D2F6F0C7A11}';
const HKLM = '2';

let work: string;
let msi: TestMsis;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'portico-installer-'));
  msi = buildTestMsis(work);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the MSI as built, read with msitools', () => {
  it('is a per-machine x64 package whose newer versions replace older ones and never the reverse', () => {
    const properties = Object.fromEntries(msiTable(msi.v1, 'Property').map((r) => [r.Property, r.Value]));
    const next = Object.fromEntries(msiTable(msi.v2, 'Property').map((r) => [r.Property, r.Value]));
    expect(properties.ALLUSERS).toBe('1');
    expect(summaryInfo(msi.v1).Template).toBe('x64;1033');
    expect([properties.UpgradeCode, next.UpgradeCode]).toEqual([UPGRADE_CODE, UPGRADE_CODE]);
    expect(properties.ProductCode).not.toBe(next.ProductCode);
    expect([properties.ProductVersion, next.ProductVersion]).toEqual(['0.1.0', '0.2.0']);
    expect(msiTable(msi.v1, 'Upgrade').every((r) => r.UpgradeCode === UPGRADE_CODE)).toBe(true);
    const conditions = Object.fromEntries(msiTable(msi.v1, 'LaunchCondition').map((r) => [r.Condition, r.Description]));
    expect(conditions['NOT WIX_DOWNGRADE_DETECTED']).toBe('A newer version of Portico is already installed.');
    expect(conditions['Installed OR NOT AUTOSTART OR AUTOSTART="0" OR AUTOSTART="1"']).toBe('AUTOSTART must be one of: 0, 1.');
    expect(msiTable(msi.v1, 'InstallExecuteSequence').map((r) => r.Action)).toContain('RemoveExistingProducts');
  });

  it('puts a Start-menu shortcut to Portico.exe carrying the AppUserModelID and the ToastActivatorCLSID', () => {
    const [shortcut] = msiTable(msi.v1, 'Shortcut');
    expect(shortcut).toMatchObject({ Directory_: 'ProgramMenuFolder', Name: 'Portico', Target: '[INSTALLDIR]Portico.exe' });
    const properties = msiTable(msi.v1, 'MsiShortcutProperty').filter((r) => r.Shortcut_ === shortcut!.Shortcut);
    expect(Object.fromEntries(properties.map((r) => [r.PropertyKey, r.PropVariantValue]))).toEqual({
      'System.AppUserModel.ID': APP_USER_MODEL_ID,
      'System.AppUserModel.ToastActivatorCLSID': `{${TOAST_ACTIVATOR_CLSID}}`,
    });
    expect(Number(summaryInfo(msi.v1).Version?.split(' ')[0])).toBeGreaterThanOrEqual(500);
  });

  it('registers the toast activator as a COM server, so a toast pressed while Portico is closed starts it', () => {
    const rows = msiTable(msi.v1, 'Registry').filter((r) => r.Key!.startsWith('SOFTWARE\\Classes\\CLSID'));
    expect(rows.map((r) => [r.Root, r.Key, r.Value])).toEqual([
      [
        HKLM,
        `SOFTWARE\\Classes\\CLSID\\{${TOAST_ACTIVATOR_CLSID}}\\LocalServer32`,
        '"[INSTALLDIR]Portico.exe" --toast-activated',
      ],
    ]);
  });

  it('registers portico:// links for every user of the machine', () => {
    const rows = msiTable(msi.v1, 'Registry').filter((r) => r.Key!.startsWith('SOFTWARE\\Classes\\portico'));
    expect(rows.every((r) => r.Root === HKLM)).toBe(true);
    expect(rows.map((r) => [r.Key, r.Name, r.Value])).toEqual(
      expect.arrayContaining([
        ['SOFTWARE\\Classes\\portico', '', 'URL:Portico'],
        ['SOFTWARE\\Classes\\portico', 'URL Protocol', ''],
        ['SOFTWARE\\Classes\\portico\\shell\\open\\command', '', '"[INSTALLDIR]Portico.exe" "%1"'],
      ]),
    );
  });

  it('turns each policy property into a machine policy value, secure for installs run as SYSTEM', () => {
    const registry = msiTable(msi.v1, 'Registry');
    const components = new Map(msiTable(msi.v1, 'Component').map((r) => [r.Component, r]));
    const secure = msiTable(msi.v1, 'Property')
      .find((r) => r.Property === 'SecureCustomProperties')!
      .Value!.split(';');
    // Every policy but a list can be set on the command line.
    expect(policyProperties.map((p) => p.registryName).sort()).toEqual(
      policyDefinitions
        .filter((d) => d.kind !== 'list')
        .map((d) => d.registryName)
        .sort(),
    );
    for (const p of policyProperties) {
      expect(secure).toContain(p.property);
      const rows = registry.filter((r) => r.Name === p.registryName);
      const written = rows.map((r) => [components.get(r.Component_!)!.Condition, r.Value]);
      if (p.writes.kind === 'text') expect(written).toEqual([[p.property, `[${p.property}]`]]);
      else
        expect(written.sort()).toEqual(
          Object.entries(p.writes.values)
            .map(([value, dword]) => [`${p.property}="${value}"`, `#${dword}`])
            .sort(),
        );
      expect(rows.every((r) => r.Root === HKLM && r.Key === 'SOFTWARE\\Policies\\Portico')).toBe(true);
    }
    // Nothing goes to the installing account's own hive (HKCU 1, or HKMU -1, which is HKCU per user).
    expect(registry.filter((r) => r.Root !== HKLM)).toEqual([]);
  });

  it("holds the app, Windows' better-sqlite3 binary only and the policy templates, and nothing of the server", () => {
    const files = msiFileList(msi.v1);
    expect(files).toEqual(
      expect.arrayContaining([
        'Portico/Portico.exe',
        'Portico/resources/app.asar',
        'Portico/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/win32-x64.node',
        'Portico/policy-templates/portico.admx',
        'Portico/policy-templates/en-US/portico.adml',
        'Portico/policy-templates/zh-CN/portico.adml',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.node'))).toHaveLength(1);
    const extracted = path.join(work, 'extracted');
    extractMsi(msi.v1, extracted);
    const asar = listPackage(path.join(extracted, 'Portico/resources/app.asar'), { isPack: false }).map((e) =>
      e.replaceAll('\\', '/'),
    );
    expect(asar).toContain('/dist/electron/main.cjs');
    const forbidden =
      /^\/(server|test|renderer|shared)\/|^\/node_modules\/(react|react-dom|ws|zod|pino|csv-stringify|write-excel-file|electron)\//;
    expect(asar.filter((e) => forbidden.test(e))).toEqual([]);
  });
});
