import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../shared/domain/clock.ts';
import type { ServerConfig } from '../config.ts';
import type { Access, ServerFeature } from '../features/server-feature.ts';
import type { HttpRoutes } from '../gateway/http-kit.ts';
import { addOperationsRoutes } from '../gateway/operations-routes.ts';
import type { Db } from '../store/database.ts';
import type { WriteHealth } from '../store/write-health.ts';
import { addLogLevelRoutes } from './log-level-routes.ts';
import type { ServerMetrics } from './metrics.ts';
import { addPersonalDataRoute } from './personal-data-route.ts';

/**
 * What operators and administrators reach beside the features: health, readiness, version and
 * metrics; the log level while running; a person's data export. One call from the composition root.
 */
export function addOperations(
  routes: HttpRoutes,
  deps: {
    db: Db;
    config: ServerConfig;
    health: WriteHealth;
    metrics: ServerMetrics;
    logger: Logger;
    clock: Clock;
    access: Access;
    features: readonly ServerFeature[];
    userExists: (userId: string) => boolean;
    noteExport: (userId: string, by: { actorId: string; ip: string }) => Promise<void>;
    clientAddress: (req: IncomingMessage) => string;
    shuttingDown: () => boolean;
    serverVersion: string;
  },
): { stop(): void } {
  const { config, access } = deps;
  addOperationsRoutes(routes, {
    db: deps.db,
    version: deps.serverVersion,
    shuttingDown: deps.shuttingDown,
    health: deps.health,
    metrics: deps.metrics,
    config,
  });
  addPersonalDataRoute(routes, {
    features: deps.features,
    admin: access.roles(['admin'], 'only administrators export a person’s data'),
    exists: deps.userExists,
    noteExport: deps.noteExport,
    clientAddress: deps.clientAddress,
    now: () => deps.clock.now(),
    serverVersion: deps.serverVersion,
  });
  return addLogLevelRoutes(routes, {
    logger: deps.logger,
    configured: config.logLevel,
    clock: deps.clock,
    admin: access.roles(['admin'], 'only administrators change the log level'),
  });
}
