import { execFile } from 'node:child_process';
import { policyByRegistryName } from './policy-definitions.ts';
import type { PolicySource } from './resolve-policy.ts';

export const POLICY_KEY_PATH = 'SOFTWARE\\Policies\\Portico';

export interface RegistryValue {
  key: string;
  name: string;
  type: string;
  data: string;
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Parses `reg query <key> /s` output (CRLF or LF) into values under their key paths. */
export function parseRegQuery(output: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  let key = '';
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (/^HKEY_/i.test(line)) {
      key = line.trim();
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (match && key) values.push({ key, name: match[1]!, type: match[2]!, data: match[3] ?? '' });
  }
  return values;
}

function decode(value: RegistryValue): unknown {
  switch (value.type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return Number.parseInt(value.data, 16);
    case 'REG_MULTI_SZ':
      return value.data.split('\\0').filter(Boolean);
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return value.data;
    default:
      return { unsupportedType: value.type };
  }
}

/**
 * Registry values to raw policy values: booleans are DWORD 0/1, text is REG_SZ, and a list is a
 * subkey of numbered values (as Chrome's and Edge's ADMX lists are), ordered by number.
 */
export function registryToPolicy(values: readonly RegistryValue[], rootKey: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const lists = new Map<string, { order: number; value: unknown }[]>();
  const root = rootKey.toLowerCase();
  for (const value of values) {
    const key = value.key.toLowerCase();
    if (key === root) {
      const definition = policyByRegistryName.get(value.name.toLowerCase());
      if (!definition) {
        raw[value.name] = decode(value);
        continue;
      }
      const decoded = decode(value);
      raw[definition.key] =
        definition.kind === 'boolean' && typeof decoded === 'number'
          ? decoded === 1
            ? true
            : decoded === 0
              ? false
              : decoded
          : decoded;
    } else if (key.startsWith(`${root}\\`)) {
      const listName = key.slice(root.length + 1);
      const definition = policyByRegistryName.get(listName);
      const entries = lists.get(definition?.key ?? listName) ?? [];
      entries.push({ order: Number.parseInt(value.name, 10), value: decode(value) });
      lists.set(definition?.key ?? listName, entries);
    }
  }
  for (const [key, entries] of lists) {
    raw[key] = entries
      .sort((a, b) => (Number.isNaN(a.order) ? 1 : Number.isNaN(b.order) ? -1 : a.order - b.order))
      .map((e) => e.value);
  }
  return raw;
}

export type RegRunner = (hive: 'HKLM' | 'HKCU') => Promise<{ code: number; stdout: string; stderr: string }>;

/**
 * Runs reg.exe with the console switched to UTF-8 (code page 65001): reg prints in the OEM code
 * page otherwise, which garbles a Chinese program path. Asynchronous: the main process never waits.
 */
export const runRegQuery: RegRunner = (hive) =>
  new Promise((resolve) => {
    execFile(
      'cmd.exe',
      ['/d', '/s', '/c', `chcp 65001 >nul && reg query "${hive}\\${POLICY_KEY_PATH}" /s`],
      { windowsHide: true, timeout: 10_000, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });

/** One hive's policy; a missing key (reg exits 1) is an empty source, not an error. */
export async function readRegistryPolicy(hive: 'HKLM' | 'HKCU', run: RegRunner = runRegQuery): Promise<PolicySource> {
  const name = hive === 'HKLM' ? 'machine' : 'user';
  const rootKey = `${hive === 'HKLM' ? 'HKEY_LOCAL_MACHINE' : 'HKEY_CURRENT_USER'}\\${POLICY_KEY_PATH}`;
  const result = await run(hive);
  if (result.code !== 0) return { name, values: {} };
  return { name, values: registryToPolicy(parseRegQuery(result.stdout), rootKey) };
}
