import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFilePath, readFilePolicy } from './file-policy.ts';
import { loadPolicy } from './load-policy.ts';
import { decodeRegExport, parseRegExport } from './reg-export-format.ts';
import { readRegistryPolicy, registryToPolicy } from './registry-policy.ts';
import { lockedKeys, resolvePolicy } from './resolve-policy.ts';

/** `reg export` files written by Wine's real reg.exe (test/installer/reg-fixtures.ts records them). */
const exported = (hive: 'hklm' | 'hkcu') =>
  decodeRegExport(readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/reg-export', `${hive}.reg`)));
const recorded = {
  HKLM: { found: true, exported: exported('hklm') },
  HKCU: { found: true, exported: exported('hkcu') },
};

function policyFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'portico-policy-')), 'policy.json');
  writeFileSync(file, content);
  return file;
}

describe('reading reg export files', () => {
  it('reads every value type reg.exe writes, with Chinese text, quotes and wrapped hex', () => {
    const values = parseRegExport(exported('hkcu'));
    const root = 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Portico';
    expect(values).toContainEqual({ key: root, name: 'AllowServerChange', data: 1 });
    expect(values).toContainEqual({ key: root, name: 'Colour', data: 'say "blue" \\ twice' });
    expect(values).toContainEqual({ key: root, name: 'AllowedPrograms', data: ['D:\\工具\\审批助手.exe', 'C:\\Tools\\a.exe'] });
    expect(parseRegExport(exported('hkcu').replaceAll('\r\n', '\n'))).toEqual(values);
  });

  it('decodes the UTF-16 file reg.exe writes and skips what it cannot read', () => {
    const text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\X]\r\n"A"="中文"\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseRegExport(decodeRegExport(bytes))).toEqual([{ key: 'HKEY_CURRENT_USER\\X', name: 'A', data: '中文' }]);
    expect(
      parseRegExport(
        '[HKEY_CURRENT_USER\\X]\r\n"B"=dword:zz\r\n"C"="unterminated\r\nnot a value\r\n"D"=hex:01,02\r\n@="default"\r\n',
      ),
    ).toEqual([
      { key: 'HKEY_CURRENT_USER\\X', name: 'D', data: { unsupportedType: 'REG_BINARY' } },
      { key: 'HKEY_CURRENT_USER\\X', name: '@', data: 'default' },
    ]);
  });

  it('turns DWORDs into booleans and a numbered subkey into an ordered list, keeping Chinese paths', () => {
    const raw = registryToPolicy(parseRegExport(exported('hklm')), 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Portico');
    expect(raw).toEqual({
      serverUrl: 'https://oa.example.com',
      allowServerChange: false,
      autoStart: true,
      autoUpdate: false,
      defaultLanguage: 'zh-CN',
      allowedPrograms: [
        'C:\\Program Files\\Kingdee\\K3Cloud\\K3CloudClient.exe',
        '%ProgramFiles%\\Tencent\\WeCom\\WXWork.exe',
        'C:\\Program Files (x86)\\用友\\U8\\U8Login.exe',
      ],
    });
  });

  it('treats a missing policy key as an empty source', async () => {
    expect(await readRegistryPolicy('HKLM', async () => ({ found: false, exported: '' }))).toEqual({
      name: 'machine',
      values: {},
    });
  });
});

describe('policy precedence: machine, then user, then the policy file, then the user’s settings', () => {
  it('takes each key from the strongest source with a valid value', async () => {
    const file = policyFile(
      JSON.stringify({
        serverUrl: 'https://file.example.org',
        chatEnabled: true,
        proxyBypassList: '*.corp;10.0.0.0/8',
        updateUrl: 'https://updates.example.com/portico',
      }),
    );
    const logged: string[] = [];
    const policy = await loadPolicy({
      platform: 'win32',
      env: {},
      reg: async (hive) => recorded[hive],
      file,
      log: (m) => logged.push(m),
    });
    expect(policy.values).toMatchObject({
      serverUrl: 'https://oa.example.com', // machine beats user and file
      allowServerChange: false, // machine 0 beats user 1
      autoStart: true, // machine; the user's invalid 2 is reported anyway
      chatEnabled: false, // only user and file set it: user wins
      proxyMode: 'fixed_servers',
      proxyServer: 'proxy.corp.example.com:8080',
      proxyBypassList: '*.corp;10.0.0.0/8', // only the file sets it
      updateUrl: 'https://updates.example.com/portico', // the user's javascript: URL is refused, the file's applies
    });
    expect(policy.sourceOf).toMatchObject({
      serverUrl: 'machine',
      chatEnabled: 'user',
      proxyBypassList: 'file',
      updateUrl: 'file',
    });
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policy autoStart from user ignored/),
        expect.stringMatching(/^policy Colour from user ignored: unknown policy/),
        expect.stringMatching(/^policy updateUrl from user ignored/),
      ]),
    );
  });

  it('locks mandatory policies, and the server address only when changing it is off', () => {
    const locked = resolvePolicy([
      {
        name: 'machine',
        values: { serverUrl: 'https://oa.example.com', allowServerChange: false, chatEnabled: false, defaultLanguage: 'he' },
      },
    ]);
    expect(lockedKeys(locked).sort()).toEqual(['allowServerChange', 'chatEnabled', 'serverUrl']);
    const open = resolvePolicy([{ name: 'user', values: { serverUrl: 'https://oa.example.com', allowServerChange: true } }]);
    expect(lockedKeys(open)).toEqual(['allowServerChange']);
  });

  it('ignores wrong types and a broken or hostile policy file without failing', async () => {
    const hostile = JSON.parse(
      '{"autoStart": "yes", "allowedPrograms": "C:\\\\x.exe", "defaultLanguage": "fr", "proxyServer": "http://evil:99999/x", "__proto__": {"polluted": true}}',
    ) as Record<string, unknown>;
    const bad = resolvePolicy([{ name: 'file', values: hostile }]);
    expect(bad.values).toEqual({});
    expect(bad.rejected.map((r) => r.key).sort()).toEqual([
      '__proto__',
      'allowedPrograms',
      'autoStart',
      'defaultLanguage',
      'proxyServer',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    for (const content of ['{ not json', '[1,2]', 'null']) {
      const logged: string[] = [];
      const policy = await loadPolicy({ platform: 'linux', env: {}, file: policyFile(content), log: (m) => logged.push(m) });
      expect(policy.values).toEqual({});
      expect(logged[0]).toMatch(/ignored/);
    }
    expect((await readFilePolicy('/nonexistent/portico/policy.json')).problem).toBeNull();
    expect((await readFilePolicy(policyFile('\uFEFF{"chatEnabled": false}'))).source.values).toEqual({ chatEnabled: false });
  });

  it('looks for the policy file where each platform keeps machine-wide settings', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Portico\\policy.json');
    expect(policyFilePath('linux', {})).toBe('/etc/portico/policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/Portico/policy.json');
  });
});
