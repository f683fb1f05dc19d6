import type { Every, GuardedTimer } from '../../store/guarded-timer.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { NoticeReach } from './notice-reach.ts';
import type { NoticeRepository } from './notice-repositories.ts';

/** How long after publishing (or reminding) the feed keeps checking deliveries, which arrive as client acks. */
const WATCH_MS = 15 * 60_000;
/**
 * Counting a 10,000-recipient notice takes ~150 ms; five of them every second kept the server's one
 * core 75% busy in the 9:00 bench. After a flush that took T, the next waits at least this many T,
 * so live numbers use at most a tenth of the loop and slow down (instead of everything else) under load.
 */
const PACING_FACTOR = 9;

/**
 * Pushes a notice's live numbers to its publisher, coalesced: a thousand reads in a second become
 * one `notice.stats` event, and nothing is sent when the numbers did not change.
 */
export class NoticeStatsFeed {
  private readonly dirty = new Set<string>();
  private readonly watched = new Map<string, number>();
  private readonly lastSent = new Map<string, string>();
  private timer: GuardedTimer | null = null;
  private nextFlushAt = 0;
  private readonly deps: { gate: WriteGate; store: NoticeRepository; reach: NoticeReach; clock: Clock };

  constructor(deps: NoticeStatsFeed['deps']) {
    this.deps = deps;
  }

  touch(noticeId: string): void {
    this.dirty.add(noticeId);
  }

  /** Keep recomputing for a while: deliveries show up as acks, which touch nothing. */
  watch(noticeId: string): void {
    this.watched.set(noticeId, this.deps.clock.now() + WATCH_MS);
    this.dirty.add(noticeId);
  }

  start(intervalMs: number, every: Every): void {
    this.timer = every('notice stats', intervalMs, () => this.pacedFlush());
  }

  stop(): void {
    this.timer?.stop();
    this.timer = null;
  }

  /** The timer's flush: skipped while the last one's cost has not been paid back (see PACING_FACTOR). */
  async pacedFlush(): Promise<boolean> {
    const started = performance.now();
    if (started < this.nextFlushAt) return false;
    await this.flush();
    const finished = performance.now();
    this.nextFlushAt = finished + PACING_FACTOR * (finished - started);
    return true;
  }

  /** Sends what changed since the last flush; returns how many notices' numbers were sent. */
  async flush(): Promise<number> {
    const now = this.deps.clock.now();
    const due = new Set(this.dirty);
    this.dirty.clear();
    for (const [noticeId, until] of this.watched) {
      if (until < now) this.watched.delete(noticeId);
      else due.add(noticeId);
    }
    let sent = 0;
    for (const noticeId of due) {
      const row = await this.deps.store.get(noticeId);
      if (!row || row.status !== 'live') continue;
      const stats = await this.deps.reach.stats(noticeId, row.requires_ack === 1, now);
      const key = JSON.stringify({ ...stats, computedAt: 0 });
      if (this.lastSent.get(noticeId) === key) continue;
      this.lastSent.set(noticeId, key);
      await this.deps.gate.transaction((tx) => tx.emit([row.publisher_id], { kind: 'notice.stats', stats }));
      sent += 1;
    }
    return sent;
  }
}
