import type { WriteGate } from '../../delivery/write-gate.ts';
import { type NoticeRepository, toContent } from './notice-repositories.ts';

export const FANOUT_CHUNK = 500;

/**
 * Writes a notice into its recipients' logs a chunk at a time, one short transaction per chunk with
 * the event loop free in between, so a notice to 10,000 people never holds up a login or a clock-in.
 *
 * It is driven by data, not by memory: a recipient row whose version is behind the notice's is owed
 * an event (published the first time, updated after an edit, withdrawn after a withdrawal). A crash
 * between chunks loses nothing; `resume()` at start finishes the job.
 */
export class NoticeFanout {
  private readonly queue = new Set<string>();
  private scheduled = false;
  private idle: (() => void)[] = [];
  private readonly gate: WriteGate;
  private readonly store: NoticeRepository;
  private readonly chunk: number;
  private readonly onChunk: (noticeId: string) => void;
  private readonly onError: (error: unknown, noticeId: string) => void;
  private readonly onDone: (noticeId: string, seconds: number) => void;
  /** When each queued notice's delivery was asked for (performance.now()). */
  private readonly askedAt = new Map<string, number>();

  constructor(deps: {
    gate: WriteGate;
    store: NoticeRepository;
    chunk?: number;
    onChunk?: (noticeId: string) => void;
    onError: (error: unknown, noticeId: string) => void;
    /** Told when a notice's delivery is complete, with how long it took from the first kick. */
    onDone?: (noticeId: string, seconds: number) => void;
  }) {
    this.onError = deps.onError;
    this.onDone = deps.onDone ?? (() => {});
    this.gate = deps.gate;
    this.store = deps.store;
    this.chunk = deps.chunk ?? FANOUT_CHUNK;
    this.onChunk = deps.onChunk ?? (() => {});
  }

  /** Schedules delivery; safe to call inside a transaction (work starts after the current tick). */
  kick(noticeId: string): void {
    if (!this.askedAt.has(noticeId)) this.askedAt.set(noticeId, performance.now());
    this.queue.add(noticeId);
    this.schedule();
  }

  async resume(): Promise<number> {
    const pending = await this.store.fanoutPending();
    for (const id of pending) this.kick(id);
    return pending.length;
  }

  /** Resolves once every queued notice is fully delivered (tests, shutdown, benchmarks). */
  drained(): Promise<void> {
    if (this.queue.size === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  get busy(): boolean {
    return this.queue.size > 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // The loop is free between chunks: a login or a clock-in waits for one chunk at most.
    setImmediate(() => void this.step());
  }

  private async step(): Promise<void> {
    const noticeId = this.queue.values().next().value;
    if (noticeId !== undefined) {
      let finished: boolean;
      try {
        finished = await this.deliverChunk(noticeId);
      } catch (error) {
        // It stays marked pending in the database; the next resume() tries again.
        this.onError(error, noticeId);
        finished = true;
      }
      if (finished) {
        this.queue.delete(noticeId);
        this.onDone(noticeId, (performance.now() - (this.askedAt.get(noticeId) ?? performance.now())) / 1000);
        this.askedAt.delete(noticeId);
      }
      this.onChunk(noticeId);
    }
    // Cleared only now: a kick while this chunk was being written must not start a second step beside it.
    this.scheduled = false;
    if (this.queue.size > 0) return this.schedule();
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }

  /** One chunk in one transaction; true when nothing is owed any more. */
  private deliverChunk(noticeId: string): Promise<boolean> {
    return this.gate.transaction(async (tx) => {
      const row = await this.store.get(noticeId);
      if (!row || row.status === 'scheduled') {
        if (row) await this.store.setFanoutPending(noticeId, false);
        return true;
      }
      const owed = await this.store.owed(noticeId, row.version, this.chunk);
      if (owed.length === 0) {
        await this.store.setFanoutPending(noticeId, false);
        return true;
      }
      const fresh = owed.filter((o) => o.version === 0).map((o) => o.userId);
      const known = owed.filter((o) => o.version > 0).map((o) => o.userId);
      const seqs = new Map<string, number>();
      const record = (appended: { userId: string; seq: number }[]) => {
        for (const a of appended) seqs.set(a.userId, a.seq);
      };
      if (row.status === 'withdrawn') {
        // Those who never got it are not told about it.
        record(await tx.emit(known, { kind: 'notice.withdrawn', noticeId }));
      } else {
        const content = toContent(row);
        const onboarding = new Set(await this.store.onboardingAmong(noticeId, fresh));
        record(
          await tx.emit(
            fresh.filter((u) => !onboarding.has(u)),
            { kind: 'notice.published', notice: content, onboarding: false },
          ),
        );
        record(await tx.emit(onboarding, { kind: 'notice.published', notice: content, onboarding: true }));
        record(await tx.emit(known, { kind: 'notice.updated', notice: content }));
      }
      for (const { userId } of owed) await this.store.markDelivered(noticeId, userId, row.version, seqs.get(userId) ?? null);
      return false;
    });
  }
}
