import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { Clock } from '../../../shared/domain/clock.ts';
import { CloseCode, type WireError } from '../../../shared/protocol/errors.ts';
import { type EventFrame, PROTOCOL_VERSION, ServerFrame } from '../../../shared/protocol/frames.ts';
import { type MethodName, type MethodParams, type MethodResult, Snapshot, methods } from '../../../shared/protocol/methods.ts';
import type { UserEvent } from '../../../shared/protocol/events.ts';
import type { Signal } from '../../../shared/protocol/signals.ts';
import type { ClientCache, Feature } from '../cache/client-cache.ts';
import { type Failure, ReconnectPolicy, defaultReconnectTuning, failureOfError, parseRetryAfter } from './reconnect-policy.ts';
import { Liveness } from './liveness.ts';
import { dial } from './socket-dialer.ts';
import type { SocketRoute } from '../net/network-access.ts';
import type { Outbox, OutboxItem } from './outbox.ts';
import { PendingRequests, RequestError } from './pending-requests.ts';

export { RequestError };

export type SyncState = 'offline' | 'connecting' | 'syncing' | 'online';

export interface SyncClientOptions {
  /** Read at every connect, so a server address changed by policy or a restart applies to the next attempt. */
  wsUrl: string | (() => string);
  cache: ClientCache;
  outbox: Outbox;
  clock: Clock;
  /** A valid access token, refreshed when `force` or near expiry; null when the session is over. */
  accessToken: (force: boolean) => Promise<string | null>;
  /** The company's CAs and proxy for the socket (electron/core/net); plain Node's defaults when absent. */
  route?: (url: string) => Promise<SocketRoute>;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Backoff cap while the server is down or restarting (refused, or it closed us). */
  restartCapMs?: number;
  /** Probe period while this machine has no network at all. */
  probeMs?: number;
  /** An attempt whose TCP connect gets no answer this long ends, and probing goes on. */
  connectTimeoutMs?: number;
  heartbeatMs?: number;
  pongTimeoutMs?: number;
  /** Pong timeout of the ping a nudge sends on a socket that looks online. */
  nudgePongTimeoutMs?: number;
  requestTimeoutMs?: number;
  random?: () => number;
  log?: (level: 'info' | 'warn', message: string, detail?: unknown) => void;
}

interface SyncEvents {
  state: [SyncState];
  applied: [{ seqs: number[]; features: Set<Feature>; events: UserEvent[] }];
  resynced: [];
  sessionEnded: [];
  outboxChanged: [number];
  actionSettled: [{ actionId: string; ok: boolean; result?: unknown; error?: WireError }];
  /** A moment's state from the server (typing, presence): not in the log, not acknowledged. */
  signal: [Signal];
}

/**
 * The socket to the server: resume from the cache's applied seq, apply in order, fill gaps,
 * reconnect as the failure suggests (reconnect-policy.ts), and send the outbox in order once caught up.
 */
export class SyncClient extends EventEmitter<SyncEvents> {
  private ws: WebSocket | null = null;
  private stateValue: SyncState = 'offline';
  private stopped = true;
  private readonly reconnect: ReconnectPolicy;
  private failure: () => Failure = () => ({ kind: 'other' });
  private nextRetryAtValue: number | null = null;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly liveness: Liveness;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly pending = new PendingRequests();
  private inbox: EventFrame[] = [];
  private flushScheduled = false;
  private resyncing = false;
  private draining = false;
  private drainRetryTimer: NodeJS.Timeout | undefined;
  private lastAckSent = 0;
  private readonly options: Required<Omit<SyncClientOptions, 'log' | 'route'>> & Pick<SyncClientOptions, 'log' | 'route'>;

  constructor(options: SyncClientOptions) {
    super();
    this.options = {
      backoffBaseMs: defaultReconnectTuning.baseMs,
      backoffCapMs: defaultReconnectTuning.capMs,
      restartCapMs: defaultReconnectTuning.restartCapMs,
      probeMs: defaultReconnectTuning.probeMs,
      connectTimeoutMs: 3_000,
      // A silent drop is noticed within heartbeat + pong timeout (15 s) without help from the OS.
      heartbeatMs: 10_000,
      pongTimeoutMs: 5_000,
      nudgePongTimeoutMs: 3_000,
      requestTimeoutMs: 15_000,
      random: Math.random,
      ...options,
    };
    this.liveness = new Liveness(this.options.heartbeatMs, this.options.pongTimeoutMs);
    this.reconnect = new ReconnectPolicy({
      baseMs: this.options.backoffBaseMs,
      capMs: this.options.backoffCapMs,
      restartCapMs: this.options.restartCapMs,
      probeMs: this.options.probeMs,
      random: this.options.random,
    });
  }

  get state(): SyncState {
    return this.stateValue;
  }

  get nextRetryAt(): number | null {
    return this.nextRetryAtValue;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.teardown(1000, 'client stopped');
    this.setState('offline');
  }

  /**
   * The network changed, the machine woke, or the user pressed "Retry now". Offline: try now.
   * Connecting: drop the attempt (it may be stuck on a path that is gone) and start afresh.
   * Online: ping at once with a short timeout, so a socket that died with the old network is
   * found in seconds, not at the next heartbeat.
   */
  nudge(): void {
    if (this.stopped) return;
    if (this.stateValue === 'offline') {
      clearTimeout(this.reconnectTimer);
      this.reconnect.reset();
      void this.connect();
    } else if (this.stateValue === 'connecting' && this.ws) {
      const ws = this.ws;
      ws.removeAllListeners('close');
      ws.on('error', () => undefined);
      this.ws = null;
      ws.terminate();
      this.reconnect.reset();
      void this.connect();
    } else if (this.ws?.readyState === WebSocket.OPEN) {
      this.liveness.ping(this.ws, this.options.nudgePongTimeoutMs);
    }
  }

  /** A read-only request; fails fast when there is no socket. The answer is checked against the protocol. */
  async request<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    const answer = await this.send(method, params, undefined);
    const parsed = methods[method].result.safeParse(answer);
    if (!parsed.success)
      throw new Error(`${method}: the server's answer does not match the protocol (${parsed.error.issues[0]?.message})`);
    return parsed.data as MethodResult<M>;
  }

  /** Queues a mutating action in the outbox (durably) and sends it when the socket is ready. */
  enqueue<M extends MethodName>(method: M, params: MethodParams<M>): OutboxItem {
    const item = this.options.outbox.add(method, params, this.options.clock.now());
    this.emit('outboxChanged', this.options.outbox.size());
    void this.drainOutbox();
    return item;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setState('connecting');
    this.nextRetryAtValue = null;
    let token: string | null;
    try {
      token = await this.options.accessToken(false);
    } catch (error) {
      this.options.log?.('warn', 'could not get an access token; will retry', error);
      return this.scheduleReconnect(failureOfError((error as { cause?: unknown }).cause ?? error));
    }
    if (token === null) return this.endSession();
    if (this.stopped) return;
    const url = typeof this.options.wsUrl === 'function' ? this.options.wsUrl() : this.options.wsUrl;
    let route: SocketRoute | null = null;
    try {
      route = this.options.route ? await this.options.route(url) : null;
    } catch (error) {
      this.options.log?.('warn', 'could not decide the route to the server; connecting directly', error);
    }
    if (this.stopped) return;
    const dialled = dial(url, token, this.options.connectTimeoutMs, route);
    const ws = dialled.ws;
    this.ws = ws;
    this.failure = dialled.failure;
    ws.on('unexpected-response', (_req, res) => {
      ws.removeAllListeners('close');
      ws.terminate();
      if (this.ws !== ws) return;
      this.ws = null;
      if (res.statusCode === 401) {
        // The access token was refused: try once with a fresh one, else the session is over.
        void this.options.accessToken(true).then(
          (fresh) => (fresh === null ? this.endSession() : this.scheduleReconnect(0)),
          () => this.scheduleReconnect(),
        );
        return;
      }
      this.options.log?.('warn', `server refused the socket with HTTP ${res.statusCode}`);
      const retryAfterMs = parseRetryAfter(res.headers['retry-after'], this.options.clock.now());
      this.scheduleReconnect({ kind: 'http', status: res.statusCode ?? 0, retryAfterMs });
    });
    ws.on('open', () => {
      this.failure = () => ({ kind: 'closed', code: 1006 });
      this.liveness.start(ws);
    });
    // Frames still in flight on a socket we already left are not ours to apply.
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      this.liveness.alive();
      this.onFrame(data.toString());
    });
    ws.on('error', (error) => this.options.log?.('info', 'socket error', error.message));
    ws.on('close', (code, reason) => this.onClose(ws, code, reason.toString()));
  }

  private onFrame(text: string): void {
    let frame: ServerFrame;
    try {
      frame = ServerFrame.parse(JSON.parse(text));
    } catch (error) {
      this.options.log?.('warn', 'ignored a frame that does not match the protocol', error);
      return;
    }
    switch (frame.type) {
      case 'welcome':
        if (frame.protocol !== PROTOCOL_VERSION) {
          this.options.log?.('warn', `server speaks protocol ${frame.protocol}, this client ${PROTOCOL_VERSION}`);
        }
        this.scheduleRefresh(frame.accessExpiresAt - frame.serverTime);
        this.setState('syncing');
        return this.sendResume();
      case 'event':
        if (this.resyncing) return;
        this.inbox.push(frame);
        if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => this.flushInbox());
        }
        return;
      case 'resumed':
        this.flushInbox();
        this.reconnect.reset();
        this.setState('online');
        return void this.drainOutbox();
      case 'resync':
        return void this.resync(frame.epoch);
      case 'response':
        return this.pending.settle(frame);
      case 'error':
        this.options.log?.('warn', `server error frame: ${frame.error.code}`, frame.error.message);
        return;
      case 'reauthed':
        return this.scheduleRefresh(frame.accessExpiresAt - this.options.clock.now());
      case 'signal':
        this.emit('signal', frame.signal);
        return;
    }
  }

  /** Applies what arrived in this tick in one transaction (one fsync for a page of 500). */
  private flushInbox(): void {
    this.flushScheduled = false;
    if (this.inbox.length === 0) return;
    const batch = this.inbox;
    this.inbox = [];
    const result = this.options.cache.applyEvents(batch.map((f) => ({ seq: f.seq, event: f.event })));
    if (result.applied.length > 0) {
      const applied = new Set(result.applied);
      const events = batch.filter((f) => applied.has(f.seq)).map((f) => f.event);
      this.emit('applied', { seqs: result.applied, features: result.features, events });
      this.sendAck();
    }
    if (result.gap) {
      this.options.log?.('warn', 'gap in the event stream; resuming from the cache position');
      this.sendResume();
    }
  }

  private async resync(epoch: string): Promise<void> {
    this.resyncing = true;
    this.inbox = [];
    this.setState('syncing');
    try {
      const raw = await this.send('sync.snapshot', {}, undefined);
      const snapshot = Snapshot.parse(raw);
      this.options.cache.applySnapshot(epoch, snapshot);
      this.resyncing = false;
      this.emit('resynced');
      this.sendResume();
    } catch (error) {
      this.resyncing = false;
      this.options.log?.('warn', 'resync failed; reconnecting', error);
      this.ws?.terminate();
    }
  }

  private sendResume(): void {
    const { epoch, appliedSeq } = this.options.cache.position();
    this.sendFrame({ type: 'resume', since: appliedSeq, epoch, outbox: this.options.outbox.size() });
  }

  private sendAck(): void {
    const { appliedSeq } = this.options.cache.position();
    if (appliedSeq > this.lastAckSent) {
      this.lastAckSent = appliedSeq;
      this.sendFrame({ type: 'ack', seq: appliedSeq });
    }
  }

  /** Sends the outbox head, waits for its answer, repeats; stops at the first transport failure. */
  private async drainOutbox(): Promise<void> {
    if (this.draining || this.stateValue !== 'online') return;
    this.draining = true;
    try {
      for (let item = this.options.outbox.head(); item && this.stateValue === 'online'; item = this.options.outbox.head()) {
        try {
          const result = await this.send(item.method, item.params, item.actionId);
          this.options.outbox.remove(item.actionId);
          this.emit('actionSettled', { actionId: item.actionId, ok: true, result });
        } catch (error) {
          const code = error instanceof RequestError ? error.code : 'internal';
          if (code === 'rate_limited') {
            // Over the server's rate: wait as long as it asks, then carry on in order.
            const wait = (error as RequestError).wire?.retryAfterMs ?? 1000;
            clearTimeout(this.drainRetryTimer);
            this.drainRetryTimer = setTimeout(() => void this.drainOutbox(), Math.max(50, wait));
            break;
          }
          if (code === 'disconnected' || code === 'timeout' || code === 'internal') break;
          // The server refused it for good (not found, forbidden, invalid): drop it and say so.
          this.options.outbox.remove(item.actionId);
          this.emit('actionSettled', {
            actionId: item.actionId,
            ok: false,
            error: (error as RequestError).wire ?? { code: code as WireError['code'], message: (error as Error).message },
          });
        }
        this.emit('outboxChanged', this.options.outbox.size());
      }
    } finally {
      this.draining = false;
    }
  }

  private send(method: MethodName, params: unknown, actionId: string | undefined): Promise<unknown> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(new RequestError('disconnected', 'not connected to the server'));
    }
    if (methods[method].mutating && !actionId) throw new Error(`${method} must go through the outbox`);
    return this.pending.start(method, this.options.requestTimeoutMs, (id) =>
      this.sendFrame({
        type: 'request',
        id,
        method,
        ...(actionId ? { actionId } : {}),
        params,
        sentAt: this.options.clock.now(),
      }),
    );
  }

  private sendFrame(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private scheduleRefresh(lifetimeMs: number): void {
    clearTimeout(this.refreshTimer);
    const delay = Math.max(1000, Math.floor(lifetimeMs * 0.8));
    this.refreshTimer = setTimeout(() => {
      void this.options.accessToken(true).then(
        (token) => (token === null ? this.endSession() : this.sendFrame({ type: 'reauth', accessToken: token })),
        (error: unknown) => this.options.log?.('warn', 'token refresh failed; the socket will reconnect when it expires', error),
      );
    }, delay);
  }

  private onClose(ws: WebSocket, code: number, reason: string): void {
    if (this.ws !== ws) return;
    this.teardown(code, reason);
    if (this.stopped) return;
    if (code === CloseCode.sessionRevoked) return this.endSession();
    if (code === CloseCode.tokenExpired) {
      void this.options.accessToken(true).then(
        (fresh) => (fresh === null ? this.endSession() : this.scheduleReconnect(0)),
        () => this.scheduleReconnect(),
      );
      return;
    }
    const failure = this.failure();
    this.scheduleReconnect(failure.kind === 'closed' ? { kind: 'closed', code } : failure);
  }

  private teardown(code: number, reason: string): void {
    this.liveness.stop();
    clearTimeout(this.drainRetryTimer);
    clearTimeout(this.refreshTimer);
    const ws = this.ws;
    this.ws = null;
    this.resyncing = false;
    this.flushInbox();
    if (ws && ws.readyState === WebSocket.OPEN) ws.close(1000, reason.slice(0, 100));
    this.pending.rejectAll('the connection closed before an answer');
  }

  /** After a failure (its kind decides the delay: reconnect-policy.ts) or after a given delay. */
  private scheduleReconnect(after: Failure | number = { kind: 'other' }): void {
    if (this.stopped) return;
    const delay = typeof after === 'number' ? after : this.reconnect.delayAfter(after);
    if (typeof after !== 'number') this.options.log?.('info', `reconnecting in ${delay} ms after ${after.kind}`);
    // Before the state changes: the view pushed with "offline" carries when the next try is
    // (it used to carry the previous attempt's null, so the page said only "Offline").
    this.nextRetryAtValue = this.options.clock.now() + delay;
    this.setState('offline');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  private endSession(): void {
    this.stop();
    this.emit('sessionEnded');
  }

  private setState(state: SyncState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.emit('state', state);
  }
}
