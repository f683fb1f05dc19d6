import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff.ts';

describe('full-jitter backoff', () => {
  it('stays within [0, min(cap, base * 2^attempt)]', () => {
    expect(fullJitterDelay(0, 500, 60_000, () => 0.999)).toBe(499);
    expect(fullJitterDelay(3, 500, 60_000, () => 0.5)).toBe(2000);
    expect(fullJitterDelay(40, 500, 60_000, () => 0.999)).toBe(59_940);
    expect(fullJitterDelay(5, 500, 60_000, () => 0)).toBe(0);
  });

  it('spreads 10,000 clients waking at once across the window instead of one instant', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const delays = Array.from({ length: 10_000 }, () => fullJitterDelay(6, 500, 60_000, random));
    const perSecond = new Map<number, number>();
    for (const d of delays) perSecond.set(Math.floor(d / 1000), (perSecond.get(Math.floor(d / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(400); // ~313 expected per second over 32 s
  });
});
