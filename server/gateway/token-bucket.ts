/**
 * A token bucket: `burst` frames at once, refilled at `perSecond`. It measures elapsed time on the
 * monotonic clock: a wall clock stepped back an hour (NTP, an operator) once refused everyone for
 * that hour (retryAfterMs 3,594,592).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  private readonly burst: number;

  private readonly perSecond: number;

  private readonly now: () => number;

  constructor(burst: number, perSecond: number, now: () => number = () => performance.now()) {
    this.burst = burst;

    this.perSecond = perSecond;

    this.now = now;
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until one token is back. */
  retryAfterMs(): number {
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}
