import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';

const attempt = (url: string, forwardedFor: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username: `nobody.${Math.random().toString(36).slice(2)}`, password: 'wrong-password' }),
  });

/**
 * Guesses from one address until its sign-in budget is spent (ten at once, refilled half a token a
 * second on the monotonic clock, so a slow machine needs a few more): returns the 429.
 */
async function spendBudget(url: string, forwardedFor: string): Promise<Response> {
  for (let i = 0; i < 40; i += 1) {
    const res = await attempt(url, forwardedFor);
    if (res.status === 429) return res;
    expect(res.status).toBe(401);
  }
  throw new Error(`no 429 after 40 guesses from ${forwardedFor}`);
}

describe('who is asking, behind a proxy and without one', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('behind a trusted proxy, two clients with different X-Forwarded-For have separate sign-in budgets', async () => {
    const server = await startTestServer({ trustProxy: true });
    stops.push(() => server.close());
    const limited = await spendBudget(server.url, '198.51.100.7, 10.0.0.1');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another PC behind the same proxy: its own budget (only the proxy's own entry counts, not what a client claims).
    expect((await attempt(server.url, '10.0.0.2')).status).toBe(401);
    expect((await attempt(server.url, '10.0.0.1, 10.0.0.2')).status).toBe(401);
  });

  it('without --trust-proxy the header changes nothing: every guess from this peer shares one budget', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    await spendBudget(server.url, '10.0.0.1');
    // At once (a token refills every 2 s, so at most one of three can pass): the other header value shares the budget.
    const answers = await Promise.all([1, 2, 3].map(() => attempt(server.url, '10.0.0.2')));
    const limited = answers.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
