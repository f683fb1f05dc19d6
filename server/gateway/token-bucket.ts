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

/** A bucket per key (an address, a person); past `maxKeys` all are forgotten at once, so a flood of keys cannot grow it. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly maxKeys: number;

  constructor(burst: number, perSecond: number, maxKeys = 50_000) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.maxKeys = maxKeys;
  }

  /** Takes a token for `key`: null when admitted, else the milliseconds until one is back. */
  take(key: string): number | null {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > this.maxKeys) this.buckets.clear();
      this.buckets.set(key, (bucket = new TokenBucket(this.burst, this.perSecond)));
    }
    return bucket.take() ? null : bucket.retryAfterMs();
  }
}
