import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServerDatabase } from '../../store/database.ts';
import { knownSchemaVersion } from '../../store/backup-snapshot.ts';
import { loadOrCreateSecret } from '../../keys.ts';
import { BackupRefused, readHeader } from './backup-archive.ts';
import { restoreBackup } from './restore-backup.ts';
import { takeBackup } from './take-backup.ts';

const PASSPHRASE = 'a passphrase the operator keeps apart';
const NOW = Date.UTC(2026, 2, 2, 9, 0);

describe('backups refuse what would do harm', () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'portico-backup-'));
    dataDir = path.join(dir, 'data');
    openServerDatabase(path.join(dataDir, 'portico.sqlite')).close();
    loadOrCreateSecret(dataDir, 'access.key');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const backup = (out = path.join(dir, 'b.backup')) =>
    takeBackup({ dataDir, out, passphrase: PASSPHRASE, serverVersion: '0.1.0', now: () => NOW }).then(() => out);
  const restore = (file: string, into: string, options: { passphrase?: string; replace?: boolean } = {}) =>
    restoreBackup({
      file,
      dataDir: into,
      passphrase: options.passphrase ?? PASSPHRASE,
      replace: options.replace ?? false,
      now: () => NOW,
    });

  it('carries the database and the signing keys, encrypted, and restores them byte for byte', async () => {
    const file = await backup();
    const text = readFileSync(file);
    const key = readFileSync(path.join(dataDir, 'keys', 'access.key'), 'utf8');
    expect(text.includes(Buffer.from(key)), 'the key is not in the clear').toBe(false);
    expect(text.includes(Buffer.from('SQLite format 3')), 'nor the database').toBe(false);
    expect(readHeader(file).header.entries.map((e) => e.name)).toEqual(['portico.sqlite', 'keys/access.key']);
    const into = path.join(dir, 'restored');
    await restore(file, into);
    expect(readFileSync(path.join(into, 'keys', 'access.key'), 'utf8')).toBe(key);
    expect(await backup(path.join(dir, 'again.backup')).then(() => true)).toBe(true);
    // Overwriting a backup is refused.
    await expect(backup(file)).rejects.toThrow(/exists already/);
  });

  it('refuses a wrong passphrase and a changed byte, leaving nothing behind', async () => {
    const file = await backup();
    const into = path.join(dir, 'restored');
    await expect(restore(file, into, { passphrase: 'not the passphrase at all' })).rejects.toThrow(BackupRefused);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 0x01;
    writeFileSync(path.join(dir, 'changed.backup'), bytes);
    await expect(restore(path.join(dir, 'changed.backup'), into)).rejects.toThrow(/wrong, or the backup file was changed/);
    expect(existsSync(into)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.portico-'))).toEqual([]);
  });

  it('refuses a backup from a newer schema before asking for its key', async () => {
    const db = new Database(path.join(dataDir, 'portico.sqlite'));
    db.pragma(`user_version = ${knownSchemaVersion() + 1}`);
    db.close();
    const file = await backup();
    await expect(restore(file, path.join(dir, 'restored'), { passphrase: 'irrelevant-here-entirely' })).rejects.toThrow(
      new RegExp(`schema is version ${knownSchemaVersion() + 1}, newer than this server knows`),
    );
  });

  it('never restores over data unless told to, and then moves the old data aside instead of deleting it', async () => {
    const file = await backup();
    await expect(restore(file, dataDir)).rejects.toThrow(/holds data already/);
    const result = await restore(file, dataDir, { replace: true });
    expect(result.movedAside).toMatch(/data\.before-restore-2026-03-02T09-00-00-000Z$/);
    expect(existsSync(path.join(result.movedAside!, 'portico.sqlite'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'portico.sqlite'))).toBe(true);
  });
});
