/**
 * Slows password guessing per account name without letting an attacker lock the owner out.
 *
 * - Every name has a budget, existing or not (so the answers cannot tell which names exist): five
 *   wrong passwords are free, then each further try waits 30 s, 60 s, 120 s … up to 15 minutes.
 * - The budget is kept twice: per (name, address), and per name across all addresses. The second
 *   one stops guessing from rotating addresses, but it does not apply at addresses where that person
 *   has signed in successfully before: the owner at their own desk is never locked out by strangers.
 * - Failures are forgotten an hour after the last one; a successful sign-in clears that address.
 *
 * Waits are measured on the monotonic clock. State is in memory and per node (a restart forgets it).
 */
export interface GuardVerdict {
  allowed: boolean;
  /** When not allowed: how long until the next try is taken. */
  retryAfterMs: number;
}

interface Budget {
  failures: number;
  lastFailureAt: number;
  nextAllowedAt: number;
}

export interface SignInGuardPolicy {
  freeFailures: number;
  firstWaitMs: number;
  maxWaitMs: number;
  forgetAfterMs: number;
  /** Bounds on what is remembered, so a flood of random names cannot grow memory without end. */
  maxEntries: number;
}

export const defaultGuardPolicy: SignInGuardPolicy = {
  freeFailures: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 3600_000,
  maxEntries: 100_000,
};

const fold = (username: string) => username.trim().toLowerCase();

export class SignInGuard {
  private readonly byName = new Map<string, Budget>();
  private readonly byNameAndAddress = new Map<string, Budget>();
  private readonly knownAddresses = new Map<string, Set<string>>();
  private readonly policy: SignInGuardPolicy;
  private readonly now: () => number;

  constructor(policy: SignInGuardPolicy = defaultGuardPolicy, now: () => number = () => performance.now()) {
    this.policy = policy;
    this.now = now;
  }

  check(username: string, address: string): GuardVerdict {
    const now = this.now();
    const name = fold(username);
    const budgets = [this.live(this.byNameAndAddress, `${name}\u0000${address}`, now)];
    if (!this.knownAddresses.get(name)?.has(address)) budgets.push(this.live(this.byName, name, now));
    const waitUntil = Math.max(0, ...budgets.map((b) => b?.nextAllowedAt ?? 0));
    return waitUntil > now ? { allowed: false, retryAfterMs: Math.ceil(waitUntil - now) } : { allowed: true, retryAfterMs: 0 };
  }

  /** A wrong password (or an unknown name): what the person may be told about the tries left. */
  failed(username: string, address: string): { triesBeforeWait: number; nextWaitMs: number } {
    const now = this.now();
    const name = fold(username);
    const pair = this.bump(this.byNameAndAddress, `${name}\u0000${address}`, now);
    const global = this.bump(this.byName, name, now);
    const counted = Math.max(pair.failures, this.knownAddresses.get(name)?.has(address) ? 0 : global.failures);
    return {
      triesBeforeWait: Math.max(0, this.policy.freeFailures - counted),
      nextWaitMs: this.waitAfter(Math.max(counted + 1, this.policy.freeFailures + 1)),
    };
  }

  /** This person has signed in from this address before. */
  isKnown(username: string, address: string): boolean {
    return this.knownAddresses.get(fold(username))?.has(address) ?? false;
  }

  succeeded(username: string, address: string): void {
    const name = fold(username);
    this.byNameAndAddress.delete(`${name}\u0000${address}`);
    let known = this.knownAddresses.get(name);
    if (!known) {
      if (this.knownAddresses.size >= this.policy.maxEntries) this.knownAddresses.clear();
      this.knownAddresses.set(name, (known = new Set()));
    }
    if (known.size >= 20) known.delete(known.values().next().value!);
    known.add(address);
  }

  private live(map: Map<string, Budget>, key: string, now: number): Budget | undefined {
    const budget = map.get(key);
    if (budget && now - budget.lastFailureAt > this.policy.forgetAfterMs) {
      map.delete(key);
      return undefined;
    }
    return budget;
  }

  private bump(map: Map<string, Budget>, key: string, now: number): Budget {
    let budget = this.live(map, key, now);
    if (!budget) {
      if (map.size >= this.policy.maxEntries) map.clear();
      map.set(key, (budget = { failures: 0, lastFailureAt: now, nextAllowedAt: 0 }));
    }
    budget.failures += 1;
    budget.lastFailureAt = now;
    if (budget.failures >= this.policy.freeFailures) budget.nextAllowedAt = now + this.waitAfter(budget.failures + 1);
    return budget;
  }

  /** The wait before try number `attempt` (1-based): none within the free tries, then doubling to the cap. */
  private waitAfter(attempt: number): number {
    const over = attempt - this.policy.freeFailures - 1;
    return over < 0 ? 0 : Math.min(this.policy.maxWaitMs, this.policy.firstWaitMs * 2 ** over);
  }
}
