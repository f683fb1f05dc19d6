import type { EventLog } from '../features/events/event-log.ts';

/** Delivery receipts batched into one write every interval: 10,000 acks cost one transaction. */
export class AckRecorder {
  private pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  private readonly log: EventLog;

  constructor(log: EventLog, intervalMs: number) {
    this.log = log;
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  note(userId: string, seq: number): void {
    if ((this.pending.get(userId) ?? -1) < seq) this.pending.set(userId, seq);
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.log.recordAcks(batch);
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
