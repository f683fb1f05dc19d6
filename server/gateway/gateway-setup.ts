import { CloseCode } from '../../shared/protocol/errors.ts';
import type { EventBus } from '../delivery/event-bus.ts';
import type { ServerConfig } from '../config.ts';
import type { ConnectionDeps } from './connection.ts';
import { SocketGateway } from './socket-gateway.ts';

/** A person's desktop, browser tabs and a spare; 3,000 sockets from one user were once accepted. */
export const SOCKETS_PER_USER = 10;

/**
 * The socket side with the limits it runs under, and the wiring that ends a person's sockets the
 * moment their sessions end (disabled, signed out, password reset).
 */
export function createSocketGateway(
  deps: Omit<ConnectionDeps, 'userBucket' | 'limits'> & {
    bus: EventBus;
    config: Pick<ServerConfig, 'allowedOrigins' | 'trustProxy' | 'heartbeatMs'>;
  },
): SocketGateway {
  const { bus, config, ...shared } = deps;
  const gateway = new SocketGateway(
    { ...shared, limits: { connectionBurst: 60, connectionPerSecond: 30, replayPageSize: 500, maxStrikes: 200 } },
    bus,
    {
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      heartbeatMs: config.heartbeatMs,
      userBurst: 120,
      userPerSecond: 60,
      maxSocketsPerUser: SOCKETS_PER_USER,
      maxSocketsPerAddress: 5000,
    },
  );
  deps.auth.onSessionsEnded((ended, reason) =>
    'userId' in ended
      ? gateway.closeUser(ended.userId, CloseCode.sessionRevoked, reason)
      : gateway.closeSession(ended.sessionId, CloseCode.sessionRevoked, reason),
  );
  return gateway;
}
