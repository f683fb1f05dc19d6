/**
 * 2,000 simulated PCs (the bench's clients, which reconnect by the product's own policy) through a
 * 30 s server outage: how hard they knock while it is down, and how fast they are all back once it
 * is ready. A server that is down costs nothing to refuse; one that is coming up must not be
 * buried, and one that is up must not be waited for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedOffice, spawnPortico, type RunningServer } from '../bench/bench-server.ts';
import { PorticoBenchClient, wallNow } from '../bench/portico-client.ts';
import { freePort } from './server-process.ts';

const PCS = 2_000;
const OUTAGE_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a herd of PCs through a server outage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-herd-'));
  let server: RunningServer | undefined;
  const clients: PorticoBenchClient[] = [];
  afterAll(() => {
    for (const client of clients) client.close();
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`knocks under once per PC per second while it is down, and all ${PCS} are back within 15 s of it being ready`, async () => {
    const accounts = await seedOffice(dir, PCS);
    const port = await freePort();
    server = await spawnPortico(dir, port);
    for (const [i, account] of accounts.entries())
      clients.push(
        new PorticoBenchClient(account, { httpUrl: server.url, wsUrl: server.wsUrl, localAddress: `127.0.0.${2 + (i % 20)}` }),
      );
    for (let i = 0; i < clients.length; i += 200) await Promise.all(clients.slice(i, i + 200).map((c) => c.start()));
    for (const client of clients) client.autoReconnect = true;

    server.child.kill('SIGKILL');
    const perSecond: number[] = [];
    let counted = clients.reduce((sum, c) => sum + c.connects, 0);
    for (let second = 0; second < OUTAGE_MS / 1000; second++) {
      await sleep(1000);
      const now = clients.reduce((sum, c) => sum + c.connects, 0);
      perSecond.push(now - counted);
      counted = now;
    }
    server = await spawnPortico(dir, port);
    const readyAt = wallNow();
    const deadline = Date.now() + 30_000;
    while (clients.some((c) => !c.online) && Date.now() < deadline) await sleep(100);
    const backMs = Math.max(...clients.map((c) => c.resumedAt)) - readyAt;
    const steady = perSecond.slice(5);
    console.log(
      `herd of ${PCS}: connects/s while down: first ${perSecond.slice(0, 5).join(', ')}; then peak ${Math.max(...steady)}, mean ${Math.round(steady.reduce((a, b) => a + b, 0) / steady.length)}; ` +
        `all resumed ${(backMs / 1000).toFixed(1)} s after the server was ready`,
    );
    expect(clients.filter((c) => !c.online)).toHaveLength(0);
    expect(backMs).toBeLessThanOrEqual(15_000);
    // Each PC notices the kill and tries once within 2 s, then about once per 2 s: never a knock
    // per PC per second, even in the first seconds.
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(PCS * 0.9);
    expect(Math.max(...steady)).toBeLessThanOrEqual(PCS * 0.6);
  }, 180_000);
});
