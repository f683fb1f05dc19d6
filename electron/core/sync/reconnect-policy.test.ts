import { describe, expect, it } from 'vitest';
import { ReconnectPolicy, defaultReconnectTuning, failureOfError, parseRetryAfter } from './reconnect-policy.ts';

const policy = (random: () => number) => new ReconnectPolicy({ ...defaultReconnectTuning, random });
const worst = () => 0.999_999;

describe('the wait before the next attempt, by what went wrong', () => {
  it('probes steadily while this machine has no network, never growing the wait', () => {
    const p = policy(worst);
    const waits = Array.from({ length: 50 }, () => p.delayAfter({ kind: 'local' }));
    expect(Math.max(...waits)).toBeLessThanOrEqual(2_000);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1_000);
  });

  it('retries a silent path within a second, so the first packet after it returns is near', () => {
    const p = policy(worst);
    for (let i = 0; i < 50; i++) expect(p.delayAfter({ kind: 'silent' })).toBeLessThan(1_000);
  });

  it('never waits more than 4 s for a server that refuses (down or restarting), spread evenly over that window', () => {
    const p = policy(worst);
    const waits = Array.from({ length: 30 }, () => p.delayAfter({ kind: 'refused' }));
    expect(Math.max(...waits)).toBeLessThan(4_000);
    expect(waits.every((w) => w > 3_900)).toBe(true); // the window holds from the first refusal, never grows
    const spread = policy(() => 0.25);
    expect(spread.delayAfter({ kind: 'refused' })).toBe(1_000);
  });

  it('tries within 2 s after a socket closed, then as for a refusal', () => {
    const p = policy(worst);
    expect(p.delayAfter({ kind: 'closed', code: 1001 })).toBeLessThan(2_000);
    expect(p.delayAfter({ kind: 'closed', code: 1001 })).toBeLessThan(4_000);
  });

  it("honours the server's Retry-After, spread over as long again, and backs off to 30 s without one", () => {
    const p = policy(() => 0.5);
    expect(p.delayAfter({ kind: 'http', status: 503, retryAfterMs: 10_000 })).toBe(15_000);
    const q = policy(worst);
    const waits = Array.from({ length: 20 }, () => q.delayAfter({ kind: 'http', status: 502, retryAfterMs: null }));
    expect(Math.max(...waits)).toBeLessThan(30_000);
    expect(waits.at(-1)).toBeGreaterThan(29_000);
  });

  it('starts over after a resumed session', () => {
    const p = policy(worst);
    for (let i = 0; i < 10; i++) p.delayAfter({ kind: 'other' });
    p.reset();
    expect(p.delayAfter({ kind: 'other' })).toBeLessThan(500);
  });
});

describe('reading failures', () => {
  it('tells local failures from refusals by the error code', () => {
    for (const code of ['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL', 'EAI_AGAIN', 'ENOTFOUND'])
      expect(failureOfError(Object.assign(new Error(code), { code }))).toEqual({ kind: 'local' });
    expect(failureOfError(Object.assign(new Error(), { code: 'ECONNREFUSED' }))).toEqual({ kind: 'refused' });
    expect(failureOfError(new Error('Opening handshake has timed out'))).toEqual({ kind: 'other' });
    expect(failureOfError(null)).toEqual({ kind: 'other' });
  });

  it('reads Retry-After in seconds or as a date, and caps it at ten minutes', () => {
    const now = Date.parse('2026-12-07T09:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5_000);
    expect(parseRetryAfter(['120'], now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 07 Dec 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('86400', now)).toBe(600_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
