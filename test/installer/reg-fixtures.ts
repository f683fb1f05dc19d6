/**
 * The reader's fixtures come from Wine's real reg.exe: `node test/installer/reg-fixtures.ts`
 * writes policyWrites with `reg add` in a fresh prefix and saves each hive's `reg export` to
 * test/fixtures/reg-export/. The installer test writes them again and checks the exports still
 * read the same, so the committed files cannot drift from what reg.exe prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { POLICY_KEY_PATH } from '../../electron/core/policy/registry-policy.ts';
import { policyWrites } from './policy-writes.ts';
import { createWinePrefix, type WinePrefix } from './wine-prefix.ts';

export const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/reg-export');
export const fixtureFile = (hive: 'HKLM' | 'HKCU') => path.join(fixtureDir, `${hive.toLowerCase()}.reg`);

export async function writePolicyValues(wine: WinePrefix): Promise<void> {
  for (const write of policyWrites) {
    const key = `${write.hive}\\${POLICY_KEY_PATH}${write.subkey ? `\\${write.subkey}` : ''}`;
    const result = await wine.run(['reg.exe', 'add', key, '/v', write.name, '/t', write.type, '/d', write.data, '/f']);
    if (result.code !== 0) throw new Error(`reg add ${key} ${write.name} failed: ${result.stdout}${result.stderr}`);
  }
}

/** The raw bytes of `reg export` for one hive's policy key, as reg.exe wrote them. */
export async function exportHive(wine: WinePrefix, hive: 'HKLM' | 'HKCU'): Promise<Buffer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'portico-export-'));
  try {
    const file = path.join(folder, 'out.reg');
    const code = await wine.reg(['export', `${hive}\\${POLICY_KEY_PATH}`, wine.windowsPath(file), '/y']);
    if (code !== 0) throw new Error(`reg export ${hive} failed with ${code}`);
    return readFileSync(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const wine = await createWinePrefix();
  try {
    await writePolicyValues(wine);
    for (const hive of ['HKLM', 'HKCU'] as const) {
      writeFileSync(fixtureFile(hive), await exportHive(wine, hive));
      console.log(`recorded ${path.relative(process.cwd(), fixtureFile(hive))}`);
    }
  } finally {
    await wine.dispose();
  }
}
