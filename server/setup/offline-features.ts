import path from 'node:path';
import pino from 'pino';
import { type Clock, systemClock } from '../../shared/domain/clock.ts';
import { InProcessBus } from '../delivery/event-bus.ts';
import { defaultConfig } from '../config.ts';
import { AccessTokens } from '../features/auth/access-tokens.ts';
import { AuthService } from '../features/auth/auth-service.ts';
import { AuthStore } from '../features/auth/auth-store.ts';
import { DirectoryStore } from '../features/directory/directory-store.ts';
import { EventLog } from '../delivery/event-log.ts';
import { createServerFeatures } from '../features/registry.ts';
import { loadOrCreateSecret } from '../keys.ts';
import { DATABASE_FILE } from '../ops/backup/data-folder.ts';
import { ServerMetrics } from '../ops/metrics.ts';
import { openServerDatabase } from '../store/database.ts';
import { WriteGate } from '../delivery/write-gate.ts';
import { WriteHealth } from '../store/write-health.ts';

/**
 * The server's features over a data folder, without a port, timers or sockets: what the admin
 * command line reads through (a person's data export asks every feature, as the HTTP route does).
 */
export async function openOfflineFeatures(dataDir: string, serverVersion: string, clock: Clock = systemClock) {
  const db = openServerDatabase(path.join(dataDir, DATABASE_FILE));
  const bus = new InProcessBus();
  const log = new EventLog(db, clock);
  const gate = new WriteGate(db, log, bus, new WriteHealth(() => clock.now()));
  const directory = new DirectoryStore(db);
  const config = { ...defaultConfig, dataDir, demo: false };
  const auth = new AuthService(
    new AuthStore(db),
    gate,
    new AccessTokens(loadOrCreateSecret(dataDir, 'access.key'), config.accessTtlSeconds * 1000, () => clock.now()),
    clock,
  );
  const metrics = new ServerMetrics({ liveBufferLimitBytes: 0, socketsPerUser: 0 });
  const logger = pino({ level: 'silent' });
  const { features } = await createServerFeatures({
    db,
    gate,
    bus,
    log,
    directory,
    auth,
    clock,
    logger,
    metrics,
    config,
    serverVersion,
    publicUrl: () => config.publicUrl ?? '',
  });
  return {
    features,
    directory,
    async close() {
      for (const feature of [...features].reverse()) await feature.stop?.();
      db.close();
    },
  };
}
