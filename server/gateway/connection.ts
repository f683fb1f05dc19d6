import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Clock } from '../../shared/domain/clock.ts';
import { CloseCode, type WireError } from '../../shared/protocol/errors.ts';
import { ClientFrame, PROTOCOL_VERSION, RequestFrame, type ResumeFrame, type ServerFrame } from '../../shared/protocol/frames.ts';
import type { AppendedEvent } from '../delivery/event-bus.ts';
import type { Signal } from '../../shared/protocol/signals.ts';
import type { AuthService } from '../features/auth/auth-service.ts';
import type { EventLog } from '../delivery/event-log.ts';
import type { ServerMetrics } from '../ops/metrics.ts';
import { inRequestScope } from '../ops/request-scope.ts';
import type { AckRecorder } from '../delivery/ack-recorder.ts';
import type { MethodRouter } from './method-router.ts';
import type { TokenBucket } from './token-bucket.ts';
import { FrameAdmission } from './frame-admission.ts';
import { FRAGMENT_FROM_CHARS, encodedOnce, isResume, rawToString } from './frame-bytes.ts';

export interface ConnectionLimits {
  connectionBurst: number;
  connectionPerSecond: number;
  replayPageSize: number;
  /** Rate-limited frames in a row before the socket is closed with 1008. */
  maxStrikes: number;
}

export interface ConnectionDeps {
  log: EventLog;
  router: MethodRouter;
  auth: AuthService;
  acks: AckRecorder;
  clock: Clock;
  logger: Logger;
  epoch: string;
  serverVersion: string;
  limits: ConnectionLimits;
  userBucket: TokenBucket;
  metrics: ServerMetrics;
}

type DeliveryState = 'awaiting-resume' | 'replaying' | 'live';

const HIGH_WATER_BYTES = 4 * 1024 * 1024;
/**
 * A live socket whose unsent bytes pass this is cut (the client resumes from the log, so nothing is
 * lost). Without it, 100 sockets that never read grew the server from 146 MB to 2.3 GB in 45 s.
 */
export const MAX_LIVE_BUFFER_BYTES = 256 * 1024;
/**
 * Clients acknowledge what they applied within moments (delivery receipts). A socket sent this much
 * live without one acknowledgement is not reading, whatever its buffers say: the kernel alone takes
 * about 4 MB per loopback socket before Node buffers a byte, copying it on the event loop.
 */
export const MAX_UNACKED_LIVE_BYTES = 1024 * 1024;

/**
 * One authenticated socket. Delivery invariant: events go out in seq order, each once; anything
 * that does not follow `sentSeq` directly is read from the log instead of trusted from the bus.
 */
export class Connection {
  alive = true;
  readonly id = randomUUID();
  private state: DeliveryState = 'awaiting-resume';
  /** The answers still being worked on, in the order the requests came. */
  private requests: Promise<void> = Promise.resolve();
  private sentSeq = 0;
  private expiryTimer: NodeJS.Timeout | undefined;
  private deferredResume: NodeJS.Timeout | undefined;
  private unackedLiveBytes = 0;
  /** Actions the client had queued offline when it last resumed (for /metrics). */
  reportedOutbox = 0;
  private readonly admission: FrameAdmission;
  private readonly openedAt: number;

  readonly ws: WebSocket;

  readonly userId: string;

  readonly sessionId: string;
  readonly ip: string;

  private readonly deps: ConnectionDeps;

  constructor(ws: WebSocket, userId: string, sessionId: string, ip: string, accessExpiresAt: number, deps: ConnectionDeps) {
    this.ws = ws;

    this.userId = userId;

    this.sessionId = sessionId;
    this.ip = ip;

    this.deps = deps;
    const { limits } = deps;
    this.openedAt = deps.clock.now();
    this.admission = new FrameAdmission({
      burst: limits.connectionBurst,
      perSecond: limits.connectionPerSecond,
      maxStrikes: limits.maxStrikes,
      userBucket: deps.userBucket,
      clock: deps.clock,
    });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => {
      clearTimeout(this.expiryTimer);
      clearTimeout(this.deferredResume);
    });
    this.armExpiry(accessExpiresAt);
    this.send({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      serverVersion: deps.serverVersion,
      userId,
      epoch: deps.epoch,
      serverTime: deps.clock.now(),
      accessExpiresAt,
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Called with committed events for this user, possibly late or repeated (bus semantics). */
  deliver(events: readonly AppendedEvent[]): void {
    if (this.state !== 'live') return;
    for (const event of events) {
      if (event.seq <= this.sentSeq) continue;
      if (event.seq !== this.sentSeq + 1) {
        void this.catchUp();
        return;
      }
      this.sendEvent(event);
    }
  }

  /** A signal goes out at once, outside the seq order (it is not part of the log). */
  signal(signal: Signal): void {
    this.send({ type: 'signal', signal });
  }

  close(code: number, reason: string): void {
    clearTimeout(this.expiryTimer);
    if (this.isOpen) this.ws.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    // A resume is never refused (a refused one left the client "syncing" for good): it has its own
    // small budget, and one over it waits its turn instead.
    if (!isBinary && isResume(data)) return this.admitResume(data);
    if (!this.admit()) return this.refuseRequest(data, isBinary);
    if (isBinary)
      return this.sendError({
        code: 'bad_frame',
        message: 'frames are JSON text, not binary',
      });
    this.handle(data);
  }

  private handle(data: RawData): void {
    if (!this.isOpen) return;
    let json: unknown;
    try {
      json = JSON.parse(rawToString(data));
    } catch {
      return this.sendError({
        code: 'bad_frame',
        message: 'frame is not valid JSON',
      });
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'frame';
      return this.sendError({
        code: 'bad_frame',
        message: `invalid frame at ${where}: ${issue?.message ?? 'unknown'}`,
      });
    }
    const frame = parsed.data;
    switch (frame.type) {
      case 'resume':
        return this.onResume(frame);
      case 'request':
        return this.answerInOrder(frame);
      case 'ack':
        if (frame.seq <= this.sentSeq) this.deps.acks.note(this.userId, frame.seq);
        this.unackedLiveBytes = 0; // it reads
        return;
      case 'reauth':
        return void this.onReauth(frame.accessToken);
    }
  }

  /**
   * Answers a request after every earlier one on this socket: handlers may answer later (async
   * storage), and a client's actions take effect, and are answered, in the order it sent them.
   */
  private answerInOrder(frame: RequestFrame): void {
    this.requests = this.requests
      .then(async () => {
        // Revocation is checked per request, not only at the upgrade: a disabled account acts no more.
        if (!(await this.deps.auth.sessionLive(this.sessionId, this.userId))) {
          this.close(CloseCode.sessionRevoked, 'session ended');
          return;
        }
        const outcome = await inRequestScope({ conn: this.id, call: String(frame.id), method: frame.method }, () =>
          this.deps.router.run(
            {
              userId: this.userId,
              sessionId: this.sessionId,
              connectionId: this.id,
              ip: this.ip,
              clientSkewMs: frame.sentAt === undefined ? null : this.deps.clock.now() - frame.sentAt,
              connectedSince: this.openedAt,
            },
            frame.method,
            frame.actionId,
            frame.params,
          ),
        );
        this.send(
          outcome.ok
            ? { type: 'response', id: frame.id, ok: true, result: outcome.result }
            : { type: 'response', id: frame.id, ok: false, error: outcome.error },
        );
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error, userId: this.userId }, 'answering a request failed'));
  }

  private admitResume(data: RawData): void {
    if (this.admission.resumeNow()) return this.handle(data);
    clearTimeout(this.deferredResume);
    this.deferredResume = setTimeout(() => this.admitResume(data), this.admission.resumeRetryAfterMs());
    this.deferredResume.unref();
  }

  private admit(): boolean {
    const admission = this.admission.next();
    if (admission.verdict === 'handle') return true;
    if (admission.verdict === 'close') {
      this.deps.logger.warn({ userId: this.userId }, 'closing socket: rate limit exceeded repeatedly');
      this.close(1008, 'rate limit exceeded');
      return false;
    }
    this.deps.metrics.rateLimited.inc({ limiter: 'socket_frames' });
    if (admission.notice) {
      this.sendError({
        code: 'rate_limited',
        message: 'too many frames; slow down',
        retryAfterMs: this.admission.retryAfterMs(),
      });
    }
    return false;
  }

  private onResume(frame: ResumeFrame): void {
    if (this.state === 'replaying') return; // the running replay already reads up to the head
    this.reportedOutbox = frame.outbox ?? 0;
    const { head, floor } = this.deps.log.position(this.userId);
    const reason =
      frame.epoch !== this.deps.epoch ? 'epoch' : frame.since > head ? 'ahead' : frame.since < floor ? 'retention' : null;
    if (reason) {
      // The client takes a snapshot (which carries its head) and resumes from there.
      this.state = 'awaiting-resume';
      this.deps.metrics.resyncs.inc({ reason });
      this.send({
        type: 'resync',
        epoch: this.deps.epoch,
        headSeq: head,
        reason,
      });
      return;
    }
    this.sentSeq = frame.since;
    // A resume says "I hold everything up to here": after a first sync that is the snapshot, whose
    // notices are on the screen already, so it is a delivery receipt like an ack.
    if (frame.since > 0) this.deps.acks.note(this.userId, frame.since);
    void this.catchUp().then((replayed) => {
      if (replayed !== null) this.send({ type: 'resumed', headSeq: this.sentSeq, replayed });
    });
  }

  /** Pages through the log from `sentSeq`, yielding between pages so one resume cannot starve others. */
  private async catchUp(): Promise<number | null> {
    if (this.state === 'replaying') return null;
    this.state = 'replaying';
    let replayed = 0;
    for (;;) {
      const page = this.deps.log.readAfter(this.userId, this.sentSeq, this.deps.limits.replayPageSize);
      if (page.length === 0) break;
      for (const event of page) this.sendEvent(event);
      replayed += page.length;
      await this.drained();
      if (!this.isOpen) return null;
    }
    this.state = 'live';
    return replayed;
  }

  private async drained(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.isOpen && this.ws.bufferedAmount > HIGH_WATER_BYTES) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async onReauth(token: string): Promise<void> {
    const check = await this.deps.auth.verifyAccess(token);
    if (!check.ok || check.claims.userId !== this.userId) {
      return this.sendError({
        code: 'token_invalid',
        message: `reauth refused: token ${check.ok ? 'is for another user' : check.reason}`,
      });
    }
    this.armExpiry(check.claims.expiresAt);
    this.send({ type: 'reauthed', accessExpiresAt: check.claims.expiresAt });
  }

  private armExpiry(expiresAt: number): void {
    clearTimeout(this.expiryTimer);
    const delay = Math.max(0, expiresAt - this.deps.clock.now());
    this.expiryTimer = setTimeout(() => this.close(CloseCode.tokenExpired, 'access token expired'), Math.min(delay, 2 ** 31 - 1));
    this.expiryTimer.unref();
  }

  private sendEvent(event: AppendedEvent): void {
    this.sentSeq = event.seq;
    if (!this.isOpen) return;
    this.deps.metrics.delivered(this.state === 'live' ? 'live' : 'replay');
    // The frame around the stored JSON, not a fresh JSON.stringify per recipient (10,000 for one notice).
    const head = `{"type":"event","seq":${event.seq},"at":${event.at},"event":`;
    if (event.json.length < FRAGMENT_FROM_CHARS) {
      this.ws.send(`${head}${event.json}}`);
      if (this.state === 'live') this.unackedLiveBytes += event.json.length;
    } else {
      // A large event goes out as three fragments of one text message, the body encoded once for every
      // recipient and shared: no per-recipient copy of 48 KB (a notice of 16,000 CJK characters).
      this.ws.send(head, { fin: false });
      const body = encodedOnce(event.json);
      this.ws.send(body, { fin: false, binary: false });
      if (this.state === 'live') this.unackedLiveBytes += body.length;
      this.ws.send('}', { fin: true });
    }
    this.cutIfTooSlow();
  }

  /** Live delivery does not wait for a reader (replay does, page by page): one that falls too far behind is cut. */
  private cutIfTooSlow(): void {
    if (this.state !== 'live') return;
    if (this.ws.bufferedAmount <= MAX_LIVE_BUFFER_BYTES && this.unackedLiveBytes <= MAX_UNACKED_LIVE_BYTES) return;
    this.deps.logger.info(
      { userId: this.userId, buffered: this.ws.bufferedAmount, unacked: this.unackedLiveBytes },
      'cutting a socket that reads too slowly',
    );
    this.deps.metrics.socketsCutSlow.inc();
    this.state = 'awaiting-resume';
    this.ws.terminate();
  }

  /** A request over the rate limit is answered at once (not left to time out), so the client can back off. */
  private refuseRequest(data: RawData, isBinary: boolean): void {
    if (isBinary || !this.isOpen) return;
    let id: unknown;
    try {
      const frame = JSON.parse(rawToString(data)) as { type?: unknown; id?: unknown };
      id = frame.type === 'request' ? frame.id : undefined;
    } catch {
      return;
    }
    const parsed = RequestFrame.shape.id.safeParse(id);
    if (!parsed.success) return;
    this.send({
      type: 'response',
      id: parsed.data,
      ok: false,
      error: { code: 'rate_limited', message: 'too many requests; slow down', retryAfterMs: this.admission.retryAfterMs() },
    });
  }

  private sendError(error: WireError): void {
    this.send({ type: 'error', error });
  }

  private send(frame: ServerFrame): void {
    if (this.isOpen) this.ws.send(JSON.stringify(frame));
    this.cutIfTooSlow();
  }
}
