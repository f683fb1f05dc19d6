import type { EventLog } from './event-log.ts';
import type { Every, GuardedTimer } from '../store/guarded-timer.ts';

/** Delivery receipts batched into one write every interval: 10,000 acks cost one transaction. */
export class AckRecorder {
  private pending = new Map<string, number>();
  private readonly timer: GuardedTimer;

  private readonly log: EventLog;

  constructor(log: EventLog, intervalMs: number, every: Every) {
    this.log = log;
    this.timer = every('delivery receipts', intervalMs, () => this.flush());
  }

  note(userId: string, seq: number): void {
    if ((this.pending.get(userId) ?? -1) < seq) this.pending.set(userId, seq);
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      this.log.recordAcks(batch);
    } catch (error) {
      // Not written (a full disk): the receipts wait for the next flush instead of being dropped.
      for (const [userId, seq] of batch) this.note(userId, seq);
      throw error;
    }
  }

  stop(): void {
    this.timer.stop();
    try {
      this.flush();
    } catch {
      // Shutting down on a failing disk: the clients send these receipts again after they resume.
    }
  }
}
