import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { snapshotInto } from '../../store/backup-snapshot.ts';
import { type BackupHeader, writeArchive } from './backup-archive.ts';
import { DATABASE_FILE, keyFiles } from './data-folder.ts';

/**
 * An online backup: a consistent copy of the database taken while the server keeps serving (it is
 * not stopped, paused or slowed beyond a read), with the signing keys beside it, encrypted into one
 * file under the operator's passphrase. The copy is made next to the output (same disk, so the
 * space check is honest) and removed afterwards.
 */
export async function takeBackup(options: {
  dataDir: string;
  out: string;
  passphrase: string;
  serverVersion: string;
  now: () => number;
}): Promise<{ header: BackupHeader; tookMs: number }> {
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  if (!existsSync(databaseFile)) throw new Error(`${options.dataDir} holds no Portico database (${DATABASE_FILE})`);
  if (existsSync(options.out)) throw new Error(`${options.out} exists already: a backup never overwrites a file`);
  const started = performance.now();
  const scratch = mkdtempSync(path.join(path.dirname(path.resolve(options.out)), '.portico-backup-'));
  try {
    const copy = path.join(scratch, DATABASE_FILE);
    const createdAt = options.now();
    const { schemaVersion } = snapshotInto(databaseFile, copy);
    const header = await writeArchive(
      options.out,
      [{ name: DATABASE_FILE, path: copy }, ...keyFiles(options.dataDir)],
      { createdAt, serverVersion: options.serverVersion, schemaVersion },
      options.passphrase,
    );
    return { header, tookMs: performance.now() - started };
  } catch (error) {
    rmSync(options.out, { force: true });
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
