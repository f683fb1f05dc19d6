import path from 'node:path';
import type { DestinationStream, Logger } from 'pino';
import packageJson from '../package.json' with { type: 'json' };
import { type Clock, systemClock } from '../shared/domain/clock.ts';
import { CloseCode } from '../shared/protocol/errors.ts';
import { InProcessBus } from './delivery/event-bus.ts';
import type { ServerConfig } from './config.ts';
import { ActionJournalStore } from './delivery/action-journal-store.ts';
import { AccessTokens } from './features/auth/access-tokens.ts';
import { addAuthRoutes } from './features/auth/auth-routes.ts';
import { AuthService } from './features/auth/auth-service.ts';
import { AuthStore } from './features/auth/auth-store.ts';
import { routeAccess } from './features/auth/route-access.ts';
import { DirectoryStore } from './features/directory/directory-store.ts';
import { EventLog } from './delivery/event-log.ts';
import { createServerFeatures } from './features/registry.ts';
import { methodTable } from './features/server-feature.ts';
import { AckRecorder } from './delivery/ack-recorder.ts';
import { clientAddress } from './gateway/client-address.ts';
import { HttpRoutes } from './gateway/http-kit.ts';
import { closeHttp, listenHttp } from './gateway/http-server.ts';
import { loadTls } from './gateway/tls-files.ts';
import { MethodRouter } from './gateway/method-router.ts';
import { dataDisk } from './gateway/operations-routes.ts';
import { MAX_LIVE_BUFFER_BYTES } from './gateway/connection.ts';
import { ServerMetrics } from './ops/metrics.ts';
import { createServerLogger } from './ops/server-logger.ts';
import { addOperations } from './ops/operations.ts';
import type { SocketGateway } from './gateway/socket-gateway.ts';
import { SOCKETS_PER_USER, createSocketGateway } from './gateway/gateway-setup.ts';
import { loadOrCreateSecret } from './keys.ts';
import { openServerDatabase } from './store/database.ts';
import { type Every, everyGuarded } from './store/guarded-timer.ts';
import { logEpoch } from './store/meta.ts';
import { startRetention } from './store/retention.ts';
import { WriteGate } from './delivery/write-gate.ts';
import { WriteHealth } from './store/write-health.ts';

export const SERVER_VERSION = packageJson.version;

type Services = Awaited<ReturnType<typeof createServerFeatures>>['services'];

export interface PorticoServer {
  url: string;
  wsUrl: string;
  port: number;
  seededDemo: boolean;
  services: Services & { log: EventLog; gate: WriteGate; directory: DirectoryStore };
  gateway: SocketGateway;
  /** Every HTTP route, for tests that walk the whole API. */
  routes: { method: string; path: string }[];
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Composition root: the store and the delivery core (event log, write gate, bus, action journal,
 * acks), sign-in, the features from their registry, and the one HTTP+WebSocket port.
 */
export async function startPorticoServer(
  config: ServerConfig,
  options: { clock?: Clock; logger?: Logger; logDestination?: DestinationStream } = {},
): Promise<PorticoServer> {
  const clock = options.clock ?? systemClock;
  // Unusable TLS files stop the start before anything is opened, with the reason.
  if (config.tls) loadTls(config.tls);
  const logger = options.logger ?? createServerLogger(config.logLevel, options.logDestination);
  const metrics = new ServerMetrics({ liveBufferLimitBytes: MAX_LIVE_BUFFER_BYTES, socketsPerUser: SOCKETS_PER_USER });
  const stopLoopSampler = metrics.sampleEventLoop();
  const db = openServerDatabase(path.join(config.dataDir, 'portico.sqlite'), { durability: config.durability });
  const epoch = logEpoch(db);
  const bus = new InProcessBus();
  const log = new EventLog(db, clock);
  // Whether writes succeed (/readyz says so), and the one way to run a repeating job that writes.
  const health = new WriteHealth(() => clock.now());
  const every: Every = (name, intervalMs, work) => everyGuarded(name, intervalMs, work, { logger, health });
  const gate = new WriteGate(db, log, bus, health);
  const journal = new ActionJournalStore(db);
  const directory = new DirectoryStore(db);
  const auth = new AuthService(
    new AuthStore(db),
    gate,
    new AccessTokens(loadOrCreateSecret(config.dataDir, 'access.key'), config.accessTtlSeconds * 1000, () => clock.now()),
    clock,
  );
  let listeningUrl = '';
  const publicUrl = () => config.publicUrl ?? listeningUrl;
  const { features, services, seeded } = await createServerFeatures({
    ...{ db, gate, bus, log, directory, auth, clock, logger, metrics, config },
    serverVersion: SERVER_VERSION,
    publicUrl,
  });

  const router = new MethodRouter(methodTable(features), gate, journal, clock, { logger, metrics });
  const acks = new AckRecorder(log, 2000, every);
  const gateway = createSocketGateway({
    ...{ log, router, auth, acks, clock, logger, metrics, epoch, bus, config },
    serverVersion: SERVER_VERSION,
  });
  metrics.readFrom({
    sockets: () => gateway.connectionCount,
    bufferedBytes: () => gateway.bufferedBytes,
    dataFreeBytes: () => dataDisk(config.dataDir).available,
    clientOutbox: () => gateway.clientOutbox,
  });
  for (const feature of features) await feature.start?.({ every, gateway });
  const retention = startRetention({
    log,
    journal,
    gate,
    now: () => clock.now(),
    retentionMs: config.retentionDays * 24 * 3600_000,
    logger,
    every,
  });

  const access = routeAccess(auth, directory);
  let shuttingDown = false;
  const routes = new HttpRoutes();
  addAuthRoutes(routes, {
    auth,
    directory,
    logger,
    clientAddress: (req) => clientAddress(req, config.trustProxy),
    onLogout: async (refreshToken) => {
      const sessionId = await auth.logout(refreshToken);
      if (sessionId) gateway.closeSession(sessionId, CloseCode.sessionRevoked, 'signed out');
    },
  });
  for (const feature of features) feature.addRoutes?.(routes, access);
  const operations = addOperations(routes, {
    db,
    config,
    health,
    metrics,
    logger,
    clock,
    access,
    features,
    userExists: (userId) => directory.profile(userId) !== null,
    noteExport: (userId, by) => services.directoryAdmin.noteExport(userId, by),
    clientAddress: (req) => clientAddress(req, config.trustProxy),
    shuttingDown: () => shuttingDown,
    serverVersion: SERVER_VERSION,
  });

  const {
    server: http,
    port,
    url,
    stopWatching,
  } = await listenHttp({
    routes,
    gateway,
    health,
    logger,
    access: { metrics, clientAddress: (req) => clientAddress(req, config.trustProxy) },
    host: config.host,
    port: config.port,
    shuttingDown: () => shuttingDown,
    tls: config.tls && {
      files: config.tls,
      reloadMs: config.tlsReloadMs,
      loaded: (material) => metrics.tlsLoaded(material.notAfter),
    },
  });
  listeningUrl = url;
  for (const feature of features) await feature.listening?.(publicUrl());
  logger.info({ url, dataDir: config.dataDir, epoch }, 'portico server listening');

  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    port,
    seededDemo: seeded,
    services: { ...services, log, gate, directory },
    gateway,
    routes: routes.list(),
    logger,
    async close() {
      shuttingDown = true;
      retention.stop();
      stopLoopSampler();
      stopWatching();
      operations.stop();
      for (const feature of [...features].reverse()) await feature.stop?.();
      gateway.close(1001, 'server shutting down');
      acks.stop();
      await closeHttp(http);
      db.close();
    },
  };
}
