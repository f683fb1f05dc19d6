import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';

describe('operations endpoints', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('exposes connections, memory and event-loop delay in the Prometheus text format', async () => {
    // Block the loop for 300 ms so the delay histogram has something to show.
    const until = performance.now() + 300;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^portico_connections 0$/m);
    expect(Number(/^portico_process_resident_bytes (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(10 * 2 ** 20);
    const worst = Number(/^portico_event_loop_delay_seconds\{quantile="1"\} ([\d.e-]+)$/m.exec(text)?.[1]);
    expect(worst).toBeGreaterThan(0.25);
    // Each scrape starts a new window: the stall above is not reported twice.
    const again = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/^portico_event_loop_delay_seconds\{quantile="1"\} ([\d.e-]+)$/m.exec(again)?.[1])).toBeLessThan(0.25);
  });
});
