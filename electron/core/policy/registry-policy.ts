import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { policyByRegistryName } from './policy-definitions.ts';
import { decodeRegExport, parseRegExport, type RegistryData, type RegistryValue } from './reg-export-format.ts';
import type { PolicySource } from './resolve-policy.ts';

export const POLICY_KEY_PATH = 'SOFTWARE\\Policies\\Portico';
export type Hive = 'HKLM' | 'HKCU';

const rootKeyOf = (hive: Hive) => `${hive === 'HKLM' ? 'HKEY_LOCAL_MACHINE' : 'HKEY_CURRENT_USER'}\\${POLICY_KEY_PATH}`;

/** A DWORD 0/1 is a boolean policy's false/true; anything else is passed on for the schema to refuse. */
function asPolicyValue(kind: string | undefined, data: RegistryData): unknown {
  if (kind === 'boolean' && (data === 0 || data === 1)) return data === 1;
  return data;
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
      raw[definition?.key ?? value.name] = asPolicyValue(definition?.kind, value.data);
    } else if (key.startsWith(`${root}\\`)) {
      const listName = key.slice(root.length + 1);
      const listKey = policyByRegistryName.get(listName)?.key ?? listName;
      const entries = lists.get(listKey) ?? [];
      entries.push({ order: Number.parseInt(value.name, 10), value: value.data });
      lists.set(listKey, entries);
    }
  }
  for (const [key, entries] of lists) {
    raw[key] = entries
      .sort((a, b) => (Number.isNaN(a.order) ? 1 : Number.isNaN(b.order) ? -1 : a.order - b.order))
      .map((e) => e.value);
  }
  return raw;
}

/** One hive's policy key as an export file's text; `found: false` when the key does not exist. */
export type RegRunner = (hive: Hive) => Promise<{ found: boolean; exported: string }>;

/** Runs `reg <args>` and resolves with its exit code. Injectable: the tests run Wine's reg.exe. */
export type RegCommand = (args: readonly string[]) => Promise<number>;

/**
 * `reg export <key> <file> /y` into a private temporary folder, then the file's text. No shell and
 * no quoting games: the arguments go to reg.exe as they are (a cmd.exe command line with quotes
 * inside one argument is re-escaped by Node and reg then sees a key named `"HKLM\…"`).
 */
export function regExportRunner(reg: RegCommand, toRegPath: (file: string) => string = (file) => file): RegRunner {
  return async (hive) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'portico-policy-'));
    const file = path.join(folder, `${hive}.reg`);
    try {
      const code = await reg(['export', `${hive}\\${POLICY_KEY_PATH}`, toRegPath(file), '/y']);
      if (code !== 0) return { found: false, exported: '' };
      return { found: true, exported: decodeRegExport(await readFile(file)) };
    } catch {
      return { found: false, exported: '' };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}

/** Windows' own reg.exe; asynchronous, so the main process never waits on it. */
export const runRegExport: RegRunner = regExportRunner(
  (args) =>
    new Promise((resolve) => {
      const reg = path.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
      execFile(reg, [...args], { windowsHide: true, timeout: 10_000 }, (error) =>
        resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0),
      );
    }),
);

/** One hive's policy; a missing key is an empty source, not an error. */
export async function readRegistryPolicy(hive: Hive, run: RegRunner = runRegExport): Promise<PolicySource> {
  const name = hive === 'HKLM' ? 'machine' : 'user';
  const result = await run(hive);
  if (!result.found) return { name, values: {} };
  return { name, values: registryToPolicy(parseRegExport(result.exported), rootKeyOf(hive)) };
}
