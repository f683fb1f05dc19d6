import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from '../../electron/main/app-identity.ts';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  npmRebuild: boolean;
  asarUnpack: string[];
  protocols: { schemes: string[] }[];
  win: { target: string[]; signtoolOptions?: { sign?: string } };
  nsis: { include?: string };
  publish?: { provider: string; url: string }[];
  electronFuses: Record<string, boolean>;
};

describe('packaging configuration', () => {
  it('ties toasts to the Start-menu shortcut: appId is the AppUserModelID the app sets', () => {
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });

  it('registers the toast activator in the NSIS install too, with the CLSID the app and the MSI use', () => {
    const script = readFileSync(path.join(root, config.nsis.include!), 'utf8');
    expect(script).toContain(`!define PORTICO_TOAST_CLSID "{${TOAST_ACTIVATOR_CLSID}}"`);
    expect(script).toMatch(
      /!macro customInstall[\s\S]*WriteRegStr HKCU "Software\\Classes\\CLSID\\\$\{PORTICO_TOAST_CLSID\}\\LocalServer32"/,
    );
    expect(script).toMatch(
      /!macro customUnInstall[\s\S]*DeleteRegKey HKCU "Software\\Classes\\CLSID\\\$\{PORTICO_TOAST_CLSID\}"/,
    );
  });

  it("leaves the MSI to the project's own WiX source (test/installer checks it), and registers portico://", () => {
    expect(config.win.target).not.toContain('msi');
    expect(config.protocols.flatMap((p) => p.schemes)).toContain('portico');
  });

  it('sets every security fuse explicitly and never rebuilds the Node-API module', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });
});
