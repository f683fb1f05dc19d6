import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';

const attempt = (url: string, forwardedFor: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username: `nobody.${Math.random().toString(36).slice(2)}`, password: 'wrong-password' }),
  });

/** Ten guesses at once from one address exhaust its sign-in budget (the limiter's burst, before it refills). */
async function spendBudget(url: string, forwardedFor: string): Promise<void> {
  const answers = await Promise.all(Array.from({ length: 10 }, () => attempt(url, forwardedFor)));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
}

describe('who is asking, behind a proxy and without one', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('behind a trusted proxy, two clients with different X-Forwarded-For have separate sign-in budgets', async () => {
    const server = await startTestServer({ trustProxy: true });
    stops.push(() => server.close());
    await spendBudget(server.url, '198.51.100.7, 10.0.0.1');
    const limited = await attempt(server.url, '10.0.0.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another PC behind the same proxy: its own budget (only the proxy's own entry counts, not what a client claims).
    expect((await attempt(server.url, '10.0.0.2')).status).toBe(401);
    expect((await attempt(server.url, '10.0.0.1, 10.0.0.2')).status).toBe(401);
  });

  it('without --trust-proxy the header changes nothing: every guess from this peer shares one budget', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    await spendBudget(server.url, '10.0.0.1');
    const limited = await attempt(server.url, '10.0.0.2');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
