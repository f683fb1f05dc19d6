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

/**
 * Writes every policy value with `reg add`. Right after an uninstall, Wine's msiexec may still be
 * removing the same key in the background (CI once saw `reg add` exit 1 with no output while a
 * subkey was being deleted), so a failed write is tried again, up to three times a second apart,
 * and the retry is printed: a value that never takes still fails, with every answer reg.exe gave.
 */
export async function writePolicyValues(wine: WinePrefix, attempts = 3): Promise<void> {
  for (const write of policyWrites) {
    const key = `${write.hive}\\${POLICY_KEY_PATH}${write.subkey ? `\\${write.subkey}` : ''}`;
    const answers: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const result = await wine.run(['reg.exe', 'add', key, '/v', write.name, '/t', write.type, '/d', write.data, '/f']);
      if (result.code === 0) break;
      answers.push(`attempt ${attempt}: exit ${result.code} ${JSON.stringify(result.stdout + result.stderr)}`);
      if (attempt >= attempts) throw new Error(`reg add ${key} ${write.name} failed:\n${answers.join('\n')}`);
      console.warn(`reg add ${key} ${write.name} failed (${answers.at(-1)}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
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
