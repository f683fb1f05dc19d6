import type { Every, GuardedTimer } from '../../store/guarded-timer.ts';
import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../../ops/metrics.ts';
import { censoredTarget } from '../../ops/access-log.ts';
import type { RequestStatus } from '../../../shared/domain/approvals/request.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import { DELIVERY_HEADER, type DecisionCallback, SIGNATURE_HEADER } from '../../../shared/protocol/integration-api.ts';
import type { Db } from '../../store/database.ts';
import type { RequestRecord } from '../approvals/request-store.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { CallbackStore, type DueCallback } from './callback-store.ts';
import type { IntegrationRepository } from './integration-repository.ts';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme Stripe and Slack use. */
export function signCallback(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export interface CallbackOptions {
  retryBaseMs: number;
  retryMaxMs: number;
  giveUpAfterMs: number;
  timeoutMs: number;
  concurrency: number;
}

export const defaultCallbackOptions: CallbackOptions = {
  retryBaseMs: 5000,
  retryMaxMs: 15 * 60_000,
  giveUpAfterMs: 3 * 24 * 3600_000,
  timeoutMs: 10_000,
  concurrency: 4,
};

/**
 * Decisions owed to other systems. A row is written in the same transaction as the decision, then
 * POSTed until the receiver answers 2xx, with exponential backoff; the rows outlive restarts.
 * Receivers must expect a repeat (the delivery id is in the body and a header).
 */
export class CallbackQueue {
  private readonly store: CallbackStore;
  private readonly inFlight = new Set<string>();
  private timer: GuardedTimer | null = null;
  private running: Promise<void> | null = null;
  private readonly options: CallbackOptions;
  private readonly deps: {
    integrations: IntegrationRepository;
    directory: DirectoryStore;
    clock: Clock;
    logger: Logger;
    metrics: Pick<ServerMetrics, 'callbacksFailed'>;
  };

  constructor(db: Db, deps: CallbackQueue['deps'], options: Partial<CallbackOptions> = {}) {
    this.deps = deps;
    this.options = { ...defaultCallbackOptions, ...options };
    this.store = new CallbackStore(db);
  }

  /** Inside the decision's transaction: the callback exists if and only if the decision does. */
  enqueue(request: RequestRecord, status: RequestStatus, decidedBy: string | null, comment: string | null): void {
    if (!request.callbackUrl || !request.integrationId || !request.externalId) return;
    if (status !== 'approved' && status !== 'rejected' && status !== 'returned') return;
    const now = this.deps.clock.now();
    const id = `cb_${randomUUID()}`;
    const person = decidedBy ? this.deps.directory.profile(decidedBy) : null;
    const body: DecisionCallback = {
      type: 'approval.decided',
      deliveryId: id,
      requestId: request.id,
      externalId: request.externalId,
      status,
      decidedBy: person ? { id: person.id, username: person.username, name: person.displayName } : null,
      comment,
      decidedAt: now,
    };
    this.store.insert({
      id,
      integrationId: request.integrationId,
      requestId: request.id,
      url: request.callbackUrl,
      body: JSON.stringify(body),
      at: now,
    });
  }

  start(intervalMs: number, every: Every): void {
    this.timer = every('integration callbacks', intervalMs, () => this.runOnce());
  }

  async stop(): Promise<void> {
    this.timer?.stop();
    this.timer = null;
    await this.running;
  }

  /** Sends what is due now; overlapping calls share one run. */
  runOnce(): Promise<void> {
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendDue(): Promise<void> {
    const due = this.store.due(this.deps.clock.now(), this.options.concurrency * 4).filter((row) => !this.inFlight.has(row.id));
    for (let i = 0; i < due.length; i += this.options.concurrency) {
      await Promise.all(due.slice(i, i + this.options.concurrency).map((row) => this.send(row)));
    }
  }

  private async send(row: DueCallback): Promise<void> {
    this.inFlight.add(row.id);
    const attempts = row.attempts + 1;
    try {
      const integration = await this.deps.integrations.byId(row.integrationId);
      if (!integration || integration.revoked) {
        this.store.failed(row.id, this.deps.clock.now(), attempts, 'integration revoked');
        return;
      }
      const unixSeconds = Math.floor(this.deps.clock.now() / 1000);
      let error: string;
      try {
        const response = await fetch(row.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Portico-Callback/1',
            [SIGNATURE_HEADER]: signCallback(integration.signingSecret, row.body, unixSeconds),
            [DELIVERY_HEADER]: row.id,
          },
          body: row.body,
        });
        await response.body?.cancel();
        if (response.status >= 200 && response.status < 300) {
          this.store.delivered(row.id, this.deps.clock.now(), attempts);
          return;
        }
        error = `HTTP ${response.status}`;
      } catch (cause) {
        error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
      }
      const now = this.deps.clock.now();
      if (now - row.createdAt > this.options.giveUpAfterMs) {
        this.store.failed(row.id, now, attempts, error);
        this.deps.metrics.callbacksFailed.inc({ outcome: 'abandoned' });
        this.deps.logger.error({ delivery: row.id, url: censoredTarget(row.url), attempts, error }, 'callback abandoned');
        return;
      }
      const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** Math.min(attempts - 1, 20));
      this.store.retryAt(row.id, now + delay, attempts, error);
      this.deps.metrics.callbacksFailed.inc({ outcome: 'retry' });
      this.deps.logger.warn({ delivery: row.id, attempts, error, retryInMs: delay }, 'callback failed; will retry');
    } finally {
      this.inFlight.delete(row.id);
    }
  }
}
