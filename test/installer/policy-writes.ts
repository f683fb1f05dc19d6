/**
 * What IT writes into the registry for the reader's tests: every type the reader meets (strings,
 * DWORDs, multi-strings, expandable strings), Chinese paths, and a list as a numbered subkey.
 * Written by Wine's real `reg add`; the committed exports in test/fixtures/reg-export were taken
 * from Wine's real `reg export` of these writes (test/installer/reg-fixtures.ts re-records them).
 */
export interface RegWrite {
  hive: 'HKLM' | 'HKCU';
  /** Below SOFTWARE\Policies\Portico; '' is the key itself. */
  subkey: string;
  name: string;
  type: 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ' | 'REG_EXPAND_SZ';
  /** As `reg add /d` takes it: a multi-string's parts joined by \0. */
  data: string;
}

export const policyWrites: readonly RegWrite[] = [
  { hive: 'HKLM', subkey: '', name: 'ServerUrl', type: 'REG_SZ', data: 'https://oa.example.com' },
  { hive: 'HKLM', subkey: '', name: 'AllowServerChange', type: 'REG_DWORD', data: '0' },
  { hive: 'HKLM', subkey: '', name: 'AutoStart', type: 'REG_DWORD', data: '1' },
  { hive: 'HKLM', subkey: '', name: 'AutoUpdate', type: 'REG_DWORD', data: '0' },
  { hive: 'HKLM', subkey: '', name: 'DefaultLanguage', type: 'REG_SZ', data: 'zh-CN' },
  {
    hive: 'HKLM',
    subkey: 'AllowedPrograms',
    name: '1',
    type: 'REG_SZ',
    data: 'C:\\Program Files\\Kingdee\\K3Cloud\\K3CloudClient.exe',
  },
  { hive: 'HKLM', subkey: 'AllowedPrograms', name: '10', type: 'REG_SZ', data: 'C:\\Program Files (x86)\\用友\\U8\\U8Login.exe' },
  {
    hive: 'HKLM',
    subkey: 'AllowedPrograms',
    name: '2',
    type: 'REG_EXPAND_SZ',
    data: '%ProgramFiles%\\Tencent\\WeCom\\WXWork.exe',
  },
  { hive: 'HKCU', subkey: '', name: 'ServerUrl', type: 'REG_SZ', data: 'https://user-choice.example.net' },
  { hive: 'HKCU', subkey: '', name: 'AllowServerChange', type: 'REG_DWORD', data: '1' },
  { hive: 'HKCU', subkey: '', name: 'AutoStart', type: 'REG_DWORD', data: '2' },
  { hive: 'HKCU', subkey: '', name: 'ChatEnabled', type: 'REG_DWORD', data: '0' },
  { hive: 'HKCU', subkey: '', name: 'ProxyMode', type: 'REG_SZ', data: 'fixed_servers' },
  { hive: 'HKCU', subkey: '', name: 'ProxyServer', type: 'REG_SZ', data: 'proxy.corp.example.com:8080' },
  { hive: 'HKCU', subkey: '', name: 'Colour', type: 'REG_SZ', data: 'say "blue" \\ twice' },
  { hive: 'HKCU', subkey: '', name: 'UpdateUrl', type: 'REG_SZ', data: 'javascript:alert(1)' },
  // A list written as one multi-string, as many admins do, with a Chinese path.
  { hive: 'HKCU', subkey: '', name: 'AllowedPrograms', type: 'REG_MULTI_SZ', data: 'D:\\工具\\审批助手.exe\\0C:\\Tools\\a.exe' },
];
