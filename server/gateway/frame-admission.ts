import type { Clock } from '../../shared/domain/clock.ts';
import { TokenBucket } from './token-bucket.ts';

/** What to do with a socket's next frame. `notice`: tell the client to slow down (at most once a second). */
export type Admission = { verdict: 'handle' } | { verdict: 'refuse'; notice: boolean } | { verdict: 'close' };

/**
 * Whether a socket's next frame is handled: within the socket's and the person's budgets, refused
 * over them, and the socket closed after too many refusals in a row. A resume has a small budget of
 * its own and waits its turn over it, never refused (a refused one left the client "syncing").
 */
export class FrameAdmission {
  private strikes = 0;
  private lastNotice = 0;
  private readonly frames: TokenBucket;
  /** Resumes replay from the log: a few at once, then one every two seconds. */
  private readonly resumes = new TokenBucket(5, 0.5);
  private readonly deps: {
    burst: number;
    perSecond: number;
    maxStrikes: number;
    /** The person's budget, shared by their sockets. */
    userBucket: TokenBucket;
    clock: Clock;
  };

  constructor(deps: FrameAdmission['deps']) {
    this.deps = deps;
    this.frames = new TokenBucket(deps.burst, deps.perSecond);
  }

  next(): Admission {
    if (this.frames.take() && this.deps.userBucket.take()) {
      this.strikes = 0;
      return { verdict: 'handle' };
    }
    this.strikes += 1;
    if (this.strikes > this.deps.maxStrikes) return { verdict: 'close' };
    const now = this.deps.clock.now();
    const notice = now - this.lastNotice >= 1000;
    if (notice) this.lastNotice = now;
    return { verdict: 'refuse', notice };
  }

  /** How long until the socket's budget has a frame again. */
  retryAfterMs(): number {
    return this.frames.retryAfterMs();
  }

  /** Whether a resume may run now; else `resumeRetryAfterMs` says when to try. */
  resumeNow(): boolean {
    return this.resumes.take();
  }

  resumeRetryAfterMs(): number {
    return this.resumes.retryAfterMs();
  }
}
