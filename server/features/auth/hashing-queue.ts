/**
 * Password hashing is the server's most expensive request (scrypt: 32 MiB and ~150 ms each). A
 * flood of sign-ins once made honest ones wait 15 s; here at most `parallel` hashes run at once,
 * at most `waiting` wait, and the rest are refused at once with a retry time instead of queueing.
 * A sign-in from where that person signed in before goes to the front and is never refused, so a
 * flood from elsewhere does not keep the office out.
 */
export class HashingBusy extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super('too many sign-ins at once; try again in a moment');
    this.retryAfterMs = retryAfterMs;
  }
}

export class HashingQueue {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly parallel: number;
  private readonly waiting: number;

  constructor(parallel = 4, waiting = 32) {
    this.parallel = parallel;
    this.waiting = waiting;
  }

  async run<T>(work: () => Promise<T>, priority = false): Promise<T> {
    if (this.active >= this.parallel) {
      if (!priority && this.queue.length >= this.waiting) throw new HashingBusy(1000);
      await new Promise<void>((resolve) => (priority ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
