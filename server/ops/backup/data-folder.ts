import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** What a server's data folder holds that a backup must carry: the database and the signing keys. */
export const DATABASE_FILE = 'portico.sqlite';
export const KEYS_FOLDER = 'keys';

export function keyFiles(dataDir: string): { name: string; path: string }[] {
  const dir = path.join(dataDir, KEYS_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[a-z0-9][a-z0-9._-]*$/.test(entry.name))
    .map((entry) => ({ name: `${KEYS_FOLDER}/${entry.name}`, path: path.join(dir, entry.name) }));
}
