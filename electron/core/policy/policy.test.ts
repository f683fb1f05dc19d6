import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFilePath, readFilePolicy } from './file-policy.ts';
import { loadPolicy } from './load-policy.ts';
import { parseRegQuery, readRegistryPolicy, registryToPolicy } from './registry-policy.ts';
import { lockedKeys, resolvePolicy } from './resolve-policy.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/reg-query', name), 'utf8');
const recorded = {
  HKLM: { code: 0, stdout: fixture('hklm-full.txt'), stderr: '' },
  HKCU: { code: 0, stdout: fixture('hkcu-conflicting.txt'), stderr: '' },
};
const missing = { code: 1, stdout: '', stderr: fixture('missing-stderr.txt') };

function policyFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'portico-policy-')), 'policy.json');
  writeFileSync(file, content);
  return file;
}

describe('reading reg query output', () => {
  it('parses values, types and subkeys, with CRLF or LF', () => {
    const values = parseRegQuery(fixture('hklm-full.txt'));
    expect(values).toContainEqual({
      key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Portico',
      name: 'AllowServerChange',
      type: 'REG_DWORD',
      data: '0x0',
    });
    expect(parseRegQuery(fixture('hklm-full.txt').replaceAll('\r\n', '\n'))).toEqual(values);
    expect(parseRegQuery('HKEY_CURRENT_USER\\X\r\n    Empty Name    REG_SZ    \r\n')).toEqual([
      { key: 'HKEY_CURRENT_USER\\X', name: 'Empty Name', type: 'REG_SZ', data: '' },
    ]);
  });

  it('turns DWORDs into booleans and a numbered subkey into an ordered list, keeping Chinese paths', () => {
    const raw = registryToPolicy(parseRegQuery(fixture('hklm-full.txt')), 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Portico');
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
    expect(await readRegistryPolicy('HKLM', async () => missing)).toEqual({ name: 'machine', values: {} });
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
