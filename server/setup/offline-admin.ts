import path from 'node:path';
import { type Clock, systemClock } from '../../shared/domain/clock.ts';
import { InProcessBus } from '../delivery/event-bus.ts';
import { AuthStore } from '../features/auth/auth-store.ts';
import { DirectoryAdmin } from '../features/directory/directory-admin.ts';
import { DirectoryStore } from '../features/directory/directory-store.ts';
import { EventLog } from '../delivery/event-log.ts';
import { DATABASE_FILE } from '../ops/backup/data-folder.ts';
import { openServerDatabase } from '../store/database.ts';
import { WriteGate } from '../delivery/write-gate.ts';
import { WriteHealth } from '../store/write-health.ts';

/**
 * The directory of a data folder, opened by the admin command line beside (or without) a running
 * server: SQLite lets both write, and the server checks sessions per request, so a password reset
 * here ends the person's sockets there at their next request and refuses their refresh.
 */
export function openOfflineDirectory(dataDir: string, clock: Clock = systemClock) {
  const db = openServerDatabase(path.join(dataDir, DATABASE_FILE));
  const log = new EventLog(db, clock);
  const gate = new WriteGate(db, log, new InProcessBus(), new WriteHealth(() => clock.now()));
  const directory = new DirectoryStore(db);
  const admin = new DirectoryAdmin(db, { gate, directory, clock });
  const sessions = new AuthStore(db);
  admin.listen({
    created: () => undefined,
    moved: () => undefined,
    disabled: (userId) => gate.transaction(() => sessions.revokeUserSessions(userId, clock.now())),
    passwordReset: (userId) => gate.transaction(() => sessions.revokeUserSessions(userId, clock.now())),
  });
  return { directory, admin, close: () => db.close() };
}
