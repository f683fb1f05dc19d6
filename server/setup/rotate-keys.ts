import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../shared/domain/clock.ts';
import { InProcessBus } from '../delivery/event-bus.ts';
import { EventLog } from '../delivery/event-log.ts';
import { WriteGate } from '../delivery/write-gate.ts';
import { SsoKeyRing } from '../features/launcher/sso-key-ring.ts';
import { SsoKeyStore } from '../features/launcher/sso-key-store.ts';
import { DATABASE_FILE, KEYS_FOLDER } from '../ops/backup/data-folder.ts';
import { openServerDatabase } from '../store/database.ts';

/**
 * Rotates the keys of a data folder from the command line. The ticket-signing keys live in the
 * database, so a running server signs with the new one at its next ticket; the access-token key is
 * a file the server reads at start, replaced atomically (write beside, then rename).
 */
export async function rotateSigningKeys(
  dataDir: string,
  options: { revoke: boolean; access: boolean },
): Promise<{ active: string; retired: string; accessKeyReplaced: boolean }> {
  const db = openServerDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    // Rotating writes no event: the gate is here for its transaction, the bus has no listener.
    const gate = new WriteGate(db, new EventLog(db, systemClock), new InProcessBus());
    const ring = new SsoKeyRing({ keys: new SsoKeyStore(db), gate, clock: systemClock, rotationMs: Number.MAX_SAFE_INTEGER });
    await ring.ensure();
    const { kid: retired } = await ring.signingKey();
    if (!(await ring.rotate({ revoke: options.revoke })))
      throw new Error('another process rotated the keys at the same moment; run it again');
    const { kid: active } = await ring.signingKey();
    if (options.access) {
      const file = path.join(dataDir, KEYS_FOLDER, 'access.key');
      writeFileSync(`${file}.new`, randomBytes(32).toString('base64url'), { mode: 0o600 });
      renameSync(`${file}.new`, file);
    }
    return { active, retired, accessKeyReplaced: options.access };
  } finally {
    db.close();
  }
}
