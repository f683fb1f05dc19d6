import { fullJitterDelay } from './backoff.ts';

/**
 * Why the last attempt (or the last socket) ended, as far as the client can tell. The delay before
 * the next attempt depends on it: a PC with no route waits on its own network, not on the
 * server, while a server that is restarting must not be stampeded by 10,000 PCs at once.
 */
export type Failure =
  /** This machine has no way out (no route, network down, no address, no DNS answer). */
  | { kind: 'local' }
  /** No answer at all: the connection's packets vanish (a dropped path, a link without carrier). */
  | { kind: 'silent' }
  /** Nothing listens at the server's address: it is down or restarting. A refusal is cheap for it. */
  | { kind: 'refused' }
  /** The server answered with an HTTP error (502/503 from a proxy, 429), perhaps with Retry-After. */
  | { kind: 'http'; status: number; retryAfterMs: number | null }
  /** A socket that was up closed: by the server (1001 going away, 1012 restart) or by a dead path (1006). */
  | { kind: 'closed'; code: number }
  /** Anything else (handshake timeout, TLS trouble, a reset mid-handshake). */
  | { kind: 'other' };

const LOCAL_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL', 'EAI_AGAIN', 'ENOTFOUND']);

/** The failure a socket error stands for, from its Node error code. */
export function failureOfError(error: unknown): Failure {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && LOCAL_CODES.has(code)) return { kind: 'local' };
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  return { kind: 'other' };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Math.min(Number(value.trim()) * 1000, 10 * 60_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - now), 10 * 60_000);
}

export interface ReconnectTuning {
  /** Full-jitter base and cap for a server that answers badly (5xx without a hint, timeouts). */
  baseMs: number;
  capMs: number;
  /** Cap while nothing listens (refused) or right after the server closed us: it is coming back. */
  restartCapMs: number;
  /** The probe period while this machine has no network: cheap, local, and never grows. */
  probeMs: number;
  random: () => number;
}

export const defaultReconnectTuning: Omit<ReconnectTuning, 'random'> = {
  baseMs: 500,
  capMs: 30_000,
  restartCapMs: 4_000,
  probeMs: 1_500,
};

/**
 * The delay before the next attempt. Measured needs it meets (README, "Reliability"): back within
 * 5 s of the network's or the server's return; at most ~1 connect per PC per 2 s against a server
 * that is down (refusals cost it nothing), and honoured Retry-After hints, spread over their window,
 * when it is up but busy.
 */
export class ReconnectPolicy {
  private attempt = 0;
  private readonly tuning: ReconnectTuning;

  constructor(tuning: ReconnectTuning) {
    this.tuning = tuning;
  }

  /** A resumed session: the next failure starts from the beginning. */
  reset(): void {
    this.attempt = 0;
  }

  delayAfter(failure: Failure): number {
    const { baseMs, capMs, restartCapMs, probeMs, random } = this.tuning;
    switch (failure.kind) {
      case 'local':
        // Waiting on this PC's own network: probe steadily (the server is not the one being asked).
        return Math.round(probeMs * (0.75 + random() / 2));
      case 'silent':
        // The attempt already waited out its connect timeout: go again soon, so the first packet
        // after the path comes back is never more than a few seconds away.
        return Math.floor(random() * 1000);
      case 'http':
        if (failure.retryAfterMs !== null) {
          this.attempt++;
          return Math.round(failure.retryAfterMs * (1 + random()));
        }
        return fullJitterDelay(this.attempt++, baseMs, capMs, random);
      case 'refused':
        // Spread evenly over the window from the first refusal: about one knock per PC per 2 s
        // on a server that is down, and none waits more than the window once it is back.
        this.attempt++;
        return Math.floor(random() * restartCapMs);
      case 'closed':
        // A dropped path or a server restart: try soon, spread over two seconds, so 10,000 PCs
        // whose sockets closed at the same instant do not all knock in the same one.
        if (this.attempt === 0) {
          this.attempt++;
          return Math.floor(random() * 2000);
        }
        return Math.floor(random() * restartCapMs);
      case 'other':
        return fullJitterDelay(this.attempt++, baseMs, capMs, random);
    }
  }
}
