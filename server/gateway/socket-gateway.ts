import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/protocol/frames.ts';
import type { AppendedEvent, EventBus, SignalEnvelope } from '../delivery/event-bus.ts';
import type { Signal } from '../../shared/protocol/signals.ts';
import { clientAddress } from './client-address.ts';
import { Connection, type ConnectionDeps } from './connection.ts';
import { beatAll } from './heartbeat.ts';
import { TokenBucket } from './token-bucket.ts';

export interface SocketGatewayOptions {
  allowedOrigins: readonly string[];
  /** Behind a reverse proxy, the client's address is the last one it appended to X-Forwarded-For. */
  trustProxy: boolean;
  heartbeatMs: number;
  userBurst: number;
  userPerSecond: number;
  /** Sockets one person may hold open (desktop, browser tabs, a phone later); more are refused with 429. */
  maxSocketsPerUser: number;
  /** Sockets one address may hold open (a branch office behind one NAT address counts as one). */
  maxSocketsPerAddress: number;
}

/** Told when a socket opens and closes (presence counts devices). */
export interface ConnectionListener {
  opened(userId: string, connectionId: string): void;
  closed(userId: string, connectionId: string): void;
}

type SharedDeps = Omit<ConnectionDeps, 'userBucket'>;

/**
 * The WebSocket side of the one port: authenticates in the HTTP upgrade (token in the Authorization
 * header, never the URL), refuses foreign origins, and routes bus events to the user's sockets.
 */
export class SocketGateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly byId = new Map<string, Connection>();
  private readonly byAddress = new Map<string, number>();
  private readonly connectionListeners: ConnectionListener[] = [];
  private readonly userBuckets = new Map<string, TokenBucket>();
  private readonly heartbeat: NodeJS.Timeout;
  /** A beat over many sockets spans several turns of the loop; the next waits for it. */
  private beating = false;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeSignals: () => void;

  private readonly deps: SharedDeps;

  private readonly options: SocketGatewayOptions;

  constructor(deps: SharedDeps, bus: EventBus, options: SocketGatewayOptions) {
    this.deps = deps;

    this.options = options;
    this.unsubscribe = bus.subscribe((events) => this.route(events));
    this.unsubscribeSignals = bus.onSignal((envelope) => this.routeSignal(envelope));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
  }

  /** Connected to this node from at least one device (presence across nodes comes with the shared bus). */
  isOnline(userId: string): boolean {
    return (this.byUser.get(userId)?.size ?? 0) > 0;
  }

  listen(listener: ConnectionListener): void {
    this.connectionListeners.push(listener);
  }

  /** Sends a signal to some sockets of this node (presence watchers). */
  signalConnections(connectionIds: Iterable<string>, signal: Signal): void {
    for (const id of connectionIds) this.byId.get(id)?.signal(signal);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => this.deps.logger.debug({ err: error }, 'socket error during upgrade'));
    const refuse = (status: number, code: string, message: string) => {
      this.deps.metrics.refusals.inc({ via: 'upgrade', code });
      refuseUpgrade(socket, status, code, message);
    };
    const origin = req.headers.origin;
    if (origin !== undefined && !this.options.allowedOrigins.includes(origin)) {
      return refuse(403, 'origin_not_allowed', `origin ${origin} is not allowed`);
    }
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!token) return refuse(401, 'token_missing', 'send the access token as "Authorization: Bearer <token>"');
    const address = clientAddress(req, this.options.trustProxy);
    void this.deps.auth.verifyAccess(token).then(
      (check) => {
        if (!check.ok) return refuse(401, `token_${check.reason}`, `access token ${check.reason}`);
        const { userId, sessionId, expiresAt } = check.claims;
        if ((this.byUser.get(userId)?.size ?? 0) >= this.options.maxSocketsPerUser) {
          this.deps.metrics.socketsRefused.inc({ reason: 'per_user' });
          return refuse(429, 'too_many_sockets', `at most ${this.options.maxSocketsPerUser} connections per person`);
        }
        if ((this.byAddress.get(address) ?? 0) >= this.options.maxSocketsPerAddress) {
          this.deps.metrics.socketsRefused.inc({ reason: 'per_address' });
          return refuse(429, 'too_many_sockets', `at most ${this.options.maxSocketsPerAddress} connections per address`);
        }
        // Counted before the upgrade completes, so a burst of upgrades cannot pass the cap together.
        this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          const connection = new Connection(ws, userId, sessionId, address, expiresAt, {
            ...this.deps,
            userBucket: this.bucketFor(userId),
          });
          this.add(connection);
          ws.on('close', () => {
            this.remove(connection);
            this.releaseAddress(address);
          });
          ws.on('error', (error) => this.deps.logger.debug({ err: error, userId }, 'socket error'));
        });
      },
      (error: unknown) => {
        this.releaseAddress(address);
        this.deps.logger.error({ err: error }, 'upgrade failed');
        refuse(500, 'internal', 'upgrade failed');
      },
    );
  }

  /** Every socket of one person, on this node (disabled accounts). */
  closeUser(userId: string, code: number, reason: string): void {
    for (const connection of this.byUser.get(userId) ?? []) connection.close(code, reason);
  }

  closeSession(sessionId: string, code: number, reason: string): void {
    for (const set of this.byUser.values()) {
      for (const connection of set) if (connection.sessionId === sessionId) connection.close(code, reason);
    }
  }

  close(code: number, reason: string): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.unsubscribeSignals();
    // Sockets closing now belong to a server going away: nothing may touch its store after this.
    this.connectionListeners.length = 0;
    for (const set of this.byUser.values()) for (const connection of set) connection.close(code, reason);
    this.wss.close();
  }

  private route(events: readonly AppendedEvent[]): void {
    let batch: AppendedEvent[] = [];
    let userId: string | null = null;
    // Appends arrive grouped by user in seq order; deliver each user's run in one call.
    for (const event of events) {
      if (event.userId !== userId) {
        if (userId !== null) this.deliverTo(userId, batch);
        userId = event.userId;
        batch = [];
      }
      batch.push(event);
    }
    if (userId !== null) this.deliverTo(userId, batch);
  }

  private routeSignal({ userIds, signal }: SignalEnvelope): void {
    for (const userId of userIds) for (const connection of this.byUser.get(userId) ?? []) connection.signal(signal);
  }

  private deliverTo(userId: string, events: AppendedEvent[]): void {
    const set = this.byUser.get(userId);
    if (!set) return;
    for (const connection of set) connection.deliver(events);
  }

  private beat(): void {
    if (this.beating) return;
    this.beating = true;
    void beatAll(this.byId.values()).finally(() => {
      this.beating = false;
    });
  }

  private releaseAddress(address: string): void {
    const count = (this.byAddress.get(address) ?? 1) - 1;
    if (count <= 0) this.byAddress.delete(address);
    else this.byAddress.set(address, count);
  }

  /** Actions queued offline on this node's PCs, as each said when it resumed: all of them, and the longest queue. */
  get clientOutbox(): { total: number; worst: number } {
    let total = 0;
    let worst = 0;
    for (const connection of this.byId.values()) {
      total += connection.reportedOutbox;
      worst = Math.max(worst, connection.reportedOutbox);
    }
    return { total, worst };
  }

  /** Bytes waiting in this node's send buffers (what slow readers cost right now). */
  get bufferedBytes(): number {
    let total = 0;
    for (const connection of this.byId.values()) total += connection.ws.bufferedAmount;
    return total;
  }

  private bucketFor(userId: string): TokenBucket {
    let bucket = this.userBuckets.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(this.options.userBurst, this.options.userPerSecond);
      this.userBuckets.set(userId, bucket);
    }
    return bucket;
  }

  private add(connection: Connection): void {
    let set = this.byUser.get(connection.userId);
    if (!set) this.byUser.set(connection.userId, (set = new Set()));
    set.add(connection);
    this.byId.set(connection.id, connection);
    for (const listener of this.connectionListeners) listener.opened(connection.userId, connection.id);
  }

  private remove(connection: Connection): void {
    const set = this.byUser.get(connection.userId);
    if (!set?.delete(connection)) return;
    this.byId.delete(connection.id);
    for (const listener of this.connectionListeners) listener.closed(connection.userId, connection.id);
    if (set.size === 0) {
      this.byUser.delete(connection.userId);
      this.userBuckets.delete(connection.userId);
    }
  }
}

function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const statusText =
    {
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      429: 'Too Many Requests',
      500: 'Internal Server Error',
    }[status] ?? 'Error';
  const retryAfter = status === 429 ? 'Retry-After: 30\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${retryAfter}Connection: close\r\n\r\n${body}`,
  );
}
