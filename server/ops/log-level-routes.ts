import type { Logger } from 'pino';
import type { Clock } from '../../shared/domain/clock.ts';
import { type LogLevel, LogLevelChange, type LogLevelState } from '../../shared/protocol/operations-api.ts';
import { type HttpRoutes, readJson, sendJson } from '../gateway/http-kit.ts';
import type { Authenticate } from '../features/server-feature.ts';

/**
 * The log level, changed while the server runs (an operator chasing a problem turns on debug for
 * fifteen minutes, without a restart that would drop every socket). Administrators only; each
 * change is itself logged, with who made it.
 */
export function addLogLevelRoutes(
  routes: HttpRoutes,
  deps: { logger: Logger; configured: LogLevel; clock: Clock; admin: Authenticate },
): { stop(): void } {
  const { logger } = deps;
  let until: number | null = null;
  let revert: NodeJS.Timeout | undefined;
  const state = (): LogLevelState => ({ level: logger.level as LogLevel, configured: deps.configured, until });
  routes
    .add('GET', '/api/admin/log-level', async (req, res) => {
      await deps.admin(req);
      sendJson(res, 200, state());
    })
    .add('PUT', '/api/admin/log-level', async (req, res) => {
      const userId = await deps.admin(req);
      const change = await readJson(req, LogLevelChange);
      clearTimeout(revert);
      const from = logger.level;
      logger.level = change.level;
      until = change.minutes === undefined ? null : deps.clock.now() + change.minutes * 60_000;
      if (change.minutes !== undefined) {
        // eslint-disable-next-line no-restricted-syntax -- one revert, no writes: nothing to guard or back off
        revert = setTimeout(() => {
          until = null;
          logger.level = deps.configured;
          logger.warn({ level: deps.configured }, 'log level back to the configured one');
        }, change.minutes * 60_000);
        revert.unref();
      }
      // Written at warn so it is seen whatever the new level is (unless silent).
      logger.warn({ from, to: change.level, minutes: change.minutes ?? null, by: userId }, 'log level changed');
      sendJson(res, 200, state());
    });
  return { stop: () => clearTimeout(revert) };
}
