import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import {
  type Failure,
  ReconnectPolicy,
  defaultReconnectTuning,
  failureOfError,
  parseRetryAfter,
} from '../../electron/core/sync/reconnect-policy.ts';

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface BenchAccount {
  userId: string;
  refreshToken: string;
}

export interface BenchEvent {
  seq: number;
  kind: string;
  body: Record<string, unknown>;
}

interface Pending {
  frame: string;
  sentAt: number;
  resolve: (outcome: { ok: boolean; ms: number; result: unknown; code?: string }) => void;
}

/**
 * One simulated PC speaking Portico's wire protocol with the product's rules: refresh, connect with
 * the access token, resume from its last seq in the server's epoch, acknowledge what it applied,
 * reconnect with the product's own policy (by failure), and resend unanswered actions with the same
 * actionId. It keeps no cache: it counts what it was sent (duplicates and gaps) instead.
 */
export class PorticoBenchClient {
  lastSeq = 0;
  duplicated = 0;
  gaps = 0;
  resyncs = 0;
  errors = 0;
  /** When the last `resumed` frame arrived (wall clock). */
  resumedAt = 0;
  autoReconnect = false;
  /** Connection attempts so far (the herd test counts them per second while the server is down). */
  connects = 0;
  onEvent: (client: PorticoBenchClient, event: BenchEvent) => void = () => undefined;

  private ws: WebSocket | null = null;
  private epoch: string | null = null;
  private accessToken = '';
  private readonly reconnect = new ReconnectPolicy({ ...defaultReconnectTuning, random: Math.random });
  private failure: Failure = { kind: 'other' };
  private ackTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly account: BenchAccount;
  private readonly o: { httpUrl: string; wsUrl: string; localAddress: string };

  constructor(account: BenchAccount, options: { httpUrl: string; wsUrl: string; localAddress: string }) {
    this.account = account;
    this.o = options;
  }

  get userId(): string {
    return this.account.userId;
  }

  get online(): boolean {
    return this.ws?.readyState === WebSocket.OPEN && this.resumedAt > 0;
  }

  /** The morning path: refresh the session over HTTP, then connect and resume. Resolves at `resumed`. */
  async start(): Promise<void> {
    await this.refresh();
    await this.connect();
  }

  /** Sends a request; a mutating one carries an actionId and is resent after a reconnect until answered. */
  request(
    method: string,
    params: unknown,
    mutating: boolean,
  ): Promise<{ ok: boolean; ms: number; result: unknown; code?: string }> {
    const id = randomUUID();
    const frame = JSON.stringify({
      type: 'request',
      id,
      method,
      params,
      ...(mutating ? { actionId: randomUUID() } : {}),
      sentAt: Date.now(),
    });
    return new Promise((resolve) => {
      this.pending.set(id, { frame, sentAt: wallNow(), resolve });
      if (this.online) this.ws!.send(frame);
      else if (!mutating) this.settle(id, false, null, 'offline');
    });
  }

  close(): void {
    this.autoReconnect = false;
    clearTimeout(this.ackTimer);
    this.ws?.terminate();
    this.ws = null;
  }

  private async refresh(): Promise<void> {
    const { status, text } = await postJson(
      `${this.o.httpUrl}/api/auth/refresh`,
      { refreshToken: this.account.refreshToken },
      this.o.localAddress,
    );
    if (status !== 200) throw new Error(`refresh: HTTP ${status} ${text.slice(0, 80)}`);
    const body = JSON.parse(text) as { accessToken?: unknown; refreshToken?: unknown };
    if (typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string') throw new Error('refresh: bad answer');
    this.accessToken = body.accessToken;
    this.account.refreshToken = body.refreshToken;
  }

  private connect(): Promise<void> {
    this.connects++;
    this.failure = { kind: 'other' };
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.o.wsUrl, {
        headers: { authorization: `Bearer ${this.accessToken}` },
        localAddress: this.o.localAddress,
        perMessageDeflate: false,
      });
      this.ws = ws;
      let settled = false;
      const done = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      ws.on('message', (data) => {
        if (this.onFrame(data.toString()) === 'resumed') done();
      });
      ws.on('unexpected-response', (_req, res) => {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], Date.now());
        this.failure = { kind: 'http', status: res.statusCode ?? 0, retryAfterMs };
        done(new Error(`upgrade: HTTP ${res.statusCode}`));
      });
      ws.on('open', () => (this.failure = { kind: 'closed', code: 1006 }));
      ws.on('error', (error) => {
        if (this.failure.kind === 'other') this.failure = failureOfError(error);
        done(error);
      });
      ws.on('close', (code) => {
        done(new Error('closed before resumed'));
        if (this.ws !== ws) return;
        this.resumedAt = 0;
        if (this.autoReconnect) this.scheduleReconnect(this.failure.kind === 'closed' ? { kind: 'closed', code } : this.failure);
      });
    });
  }

  private scheduleReconnect(failure: Failure): void {
    const delay = this.reconnect.delayAfter(failure);
    setTimeout(() => {
      if (!this.autoReconnect) return;
      this.connect().then(
        () => this.reconnect.reset(),
        () => undefined, // the close handler schedules the next try
      );
    }, delay);
  }

  private onFrame(text: string): string | null {
    let frame: { type?: unknown; [key: string]: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      this.errors++;
      return null;
    }
    switch (frame.type) {
      case 'welcome':
        if (typeof frame['epoch'] !== 'string') break;
        if (this.epoch !== null && this.epoch !== frame['epoch']) this.resyncs++;
        this.epoch = frame['epoch'];
        this.send({ type: 'resume', since: this.lastSeq, epoch: this.epoch });
        return 'welcome';
      case 'event':
        this.onEventFrame(frame);
        return 'event';
      case 'resumed':
        this.resumedAt = wallNow();
        this.flushAck();
        // Unanswered actions go again with the same actionId: the server answers a repeat from its journal.
        for (const pending of this.pending.values()) this.ws?.send(pending.frame);
        return 'resumed';
      case 'resync':
        // Never expected here (same epoch, nothing pruned): counted, then resumed from the head.
        this.resyncs++;
        this.lastSeq = typeof frame['headSeq'] === 'number' ? frame['headSeq'] : this.lastSeq;
        this.send({ type: 'resume', since: this.lastSeq, epoch: this.epoch });
        return 'resync';
      case 'response': {
        const error = frame['error'] as { code?: string } | undefined;
        this.settle(String(frame['id']), frame['ok'] === true, frame['result'], error?.code);
        return 'response';
      }
      case 'error':
        this.errors++;
        return 'error';
    }
    return typeof frame.type === 'string' ? frame.type : null;
  }

  private onEventFrame(frame: Record<string, unknown>): void {
    const seq = frame['seq'];
    const event = frame['event'] as { kind?: unknown } | undefined;
    if (typeof seq !== 'number' || typeof event?.kind !== 'string') {
      this.errors++;
      return;
    }
    if (seq <= this.lastSeq) {
      this.duplicated++;
      return;
    }
    if (seq > this.lastSeq + 1) this.gaps += seq - this.lastSeq - 1;
    this.lastSeq = seq;
    this.onEvent(this, { seq, kind: event.kind, body: event as Record<string, unknown> });
    if (!this.ackTimer) this.ackTimer = setTimeout(() => this.flushAck(), 50);
  }

  private flushAck(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    if (this.lastSeq > 0) this.send({ type: 'ack', seq: this.lastSeq });
  }

  private settle(id: string, ok: boolean, result: unknown, code?: string): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.resolve({ ok, ms: wallNow() - pending.sentAt, result, ...(code ? { code } : {}) });
  }

  private send(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }
}

/** A JSON POST from a given local address (fetch cannot choose one): each PC refreshes from its own. */
function postJson(url: string, body: object, localAddress: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(url, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
