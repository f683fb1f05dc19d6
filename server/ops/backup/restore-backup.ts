import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inspectDatabase, knownSchemaVersion, renewLogEpoch } from '../../store/backup-snapshot.ts';
import { BackupRefused, type BackupHeader, extractArchive, readHeader } from './backup-archive.ts';
import { DATABASE_FILE } from './data-folder.ts';

/**
 * Restores a backup into a data folder for a stopped server. Refused before anything is touched:
 * a backup from a newer schema than this server knows, a wrong passphrase or a changed file, a
 * database that fails SQLite's integrity check, and a folder that holds data already (unless
 * `replace`, which moves the old files aside, never deletes them). The restored log gets a new
 * epoch, so every PC takes one fresh snapshot instead of resuming past what the backup holds.
 */
export async function restoreBackup(options: {
  file: string;
  dataDir: string;
  passphrase: string;
  replace: boolean;
  now: () => number;
}): Promise<{ header: BackupHeader; epoch: string; movedAside: string | null }> {
  const { header } = readHeader(options.file);
  const known = knownSchemaVersion();
  if (header.schemaVersion > known)
    throw new BackupRefused(
      `the backup's schema is version ${header.schemaVersion}, newer than this server knows (${known}): ` +
        `restore it with Portico ${header.serverVersion} or newer`,
    );
  const dataDir = path.resolve(options.dataDir);
  const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (occupied && !options.replace)
    throw new BackupRefused(`${dataDir} holds data already: stop the server and pass --replace to move it aside`);

  mkdirSync(path.dirname(dataDir), { recursive: true });
  const scratch = mkdtempSync(path.join(path.dirname(dataDir), '.portico-restore-'));
  try {
    mkdirSync(path.join(scratch, 'keys'), { mode: 0o700 });
    await extractArchive(options.file, options.passphrase, (name) => path.join(scratch, name));
    const restored = inspectDatabase(path.join(scratch, DATABASE_FILE));
    if (restored.integrity.join() !== 'ok')
      throw new BackupRefused(
        `the backed-up database fails SQLite's integrity check: ${restored.integrity.slice(0, 3).join('; ')}`,
      );
    if (restored.schemaVersion !== header.schemaVersion)
      throw new BackupRefused('the backed-up database is not the schema its header says');
    const epoch = renewLogEpoch(path.join(scratch, DATABASE_FILE));
    let movedAside: string | null = null;
    if (occupied) {
      movedAside = `${dataDir}.before-restore-${new Date(options.now()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, movedAside);
    } else if (existsSync(dataDir)) {
      rmSync(dataDir, { recursive: true });
    }
    renameSync(scratch, dataDir);
    return { header, epoch, movedAside };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
