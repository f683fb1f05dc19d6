/**
 * Exponential backoff with full jitter (AWS architecture blog): a uniform delay in
 * [0, min(cap, base * 2^attempt)], so 10,000 PCs waking at 9:00 spread out instead of stampeding.
 */
export function fullJitterDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
