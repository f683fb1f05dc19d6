import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/protocol/http-api.ts';
import { login, publishNotice, tempDir, upgradeStatus } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
/**
 * The kernel absorbs about 4 MB per paused loopback socket before Node buffers anything (measured),
 * so each paused reader must be sent well past that: 150 notices of 16,000 CJK characters (48 KB).
 */
const NOTICES = 150;
const BODY = '通'.repeat(16_000);
/** The stated bound for this run: the server's memory with 200 sockets that never read. */
const RSS_BOUND = 450 * 1024 * 1024;

async function openSocket(wsUrl: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` } });
  ws.on('error', () => undefined);
  const resumed = new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string };
      if (frame.type === 'welcome') ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: null }));
      if (frame.type === 'resync')
        ws.send(
          JSON.stringify({
            type: 'resume',
            since: (frame as unknown as { headSeq: number }).headSeq,
            epoch: (frame as unknown as { epoch: string }).epoch,
          }),
        );
      if (frame.type === 'resumed') resolve();
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  await resumed;
  return ws;
}

/** Publishes notices one after another and returns each honest client's delay from publish to arrival. */
async function fanOut(url: string, hrToken: string, readers: WebSocket[], tag: string): Promise<number[]> {
  const publishedAt = new Map<string, number>();
  const delays: number[] = [];
  for (const ws of readers)
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as {
        type: string;
        seq?: number;
        event?: { kind: string; notice?: { title: string } };
      };
      // An honest client acknowledges what it applied, as the desktop's sync client does after each batch.
      if (frame.type === 'event') ws.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
      const title = frame.event?.kind === 'notice.published' ? frame.event.notice?.title : undefined;
      const at = title ? publishedAt.get(title) : undefined;
      if (at !== undefined) delays.push(performance.now() - at);
    });
  for (let i = 0; i < NOTICES; i += 1) {
    const title = `${tag} ${i}`;
    publishedAt.set(title, performance.now());
    const res = await publishNotice(url, hrToken, { title, body: BODY, audience: { everyone: true } });
    expect(res.status).toBe(201);
    await new Promise((r) => setTimeout(r, 20));
  }
  const deadline = Date.now() + 20_000;
  while (delays.length < NOTICES * readers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(delays).toHaveLength(NOTICES * readers.length);
  return delays.sort((a, b) => a - b);
}
const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;

describe('sockets that never read cannot exhaust the server', () => {
  const stops: (() => void)[] = [];
  afterAll(() => stops.splice(0).forEach((stop) => stop()));

  it('caps one person’s sockets, cuts 200 paused readers during a fan-out, and keeps honest delivery and memory in bounds', async () => {
    const data = tempDir('slow-readers');
    const port = await freePort();
    // HR's live meters recompute every watched notice (15 minutes each): 300 notices from the two runs would
    // make the second run pay twice the first's meter work, so the meters wait out both runs.
    const { child, url } = await spawnServer(port, data.dir, { PORTICO_STATS_MS: '120000' }, ['--demo', '--trust-proxy']);
    stops.push(() => child.kill('SIGKILL'), data.remove);
    const wsUrl = `${url.replace(/^http/, 'ws')}/ws`;
    const signIn = (name: string, i: number) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${i}` },
        body: JSON.stringify({ username: name, password: 'portico-demo' }),
      }).then(async (res) => (await res.json()) as LoginResponse);

    // Twenty people who will open ten sockets each and never read them.
    const admin = await login(url, 'huang.min');
    const idle: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${url}/api/admin/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
        body: JSON.stringify({
          username: `idle.${i}`,
          displayName: `Idle ${i}`,
          password: 'portico-demo',
          departmentId: 'd_sales',
        }),
      });
      expect(res.status).toBe(201);
      idle.push((await signIn(`idle.${i}`, i + 1)).accessToken);
    }
    const hr = await signIn('chen.jing', 100);
    const honest = await Promise.all(
      ['zhang.wei', 'liu.yang', 'li.na', 'ma.lin', 'xu.tao'].map((name, i) => signIn(name, 110 + i)),
    );
    const readers = await Promise.all(honest.map((h) => openSocket(wsUrl, h.accessToken)));
    stops.push(() => readers.forEach((ws) => ws.terminate()));

    const baseline = await fanOut(url, hr.accessToken, readers, 'baseline');
    const rssBefore = rssOf(child.pid!);

    const paused: WebSocket[] = [];
    for (const token of idle) for (let s = 0; s < 10; s += 1) paused.push(await openSocket(wsUrl, token));
    stops.push(() => paused.forEach((ws) => ws.terminate()));
    // One more for the same person is refused at the upgrade.
    expect(await upgradeStatus(wsUrl, { authorization: `Bearer ${idle[0]}` })).toBe(429);
    for (const ws of paused) (ws as unknown as { _socket: Socket })._socket.pause();

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 50);
    const loaded = await fanOut(url, hr.accessToken, readers, 'loaded');
    clearInterval(sampler);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    const cut = Number(/^portico_sockets_cut_slow_total (\d+)$/m.exec(metrics)?.[1]);
    console.log(
      `slow readers: 200 paused sockets, ${cut} cut for reading too slowly; honest p99 ${p99(baseline).toFixed(0)} ms without them, ` +
        `${p99(loaded).toFixed(0)} ms with them; server RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB (bound ${RSS_BOUND / 2 ** 20} MB)`,
    );
    expect(cut).toBeGreaterThanOrEqual(150);
    expect(metrics).toMatch(/^portico_socket_live_buffer_limit_bytes 262144$/m);
    expect(metrics).toMatch(/^portico_sockets_refused_total\{reason="per_user"\} 1$/m);
    expect(peak).toBeLessThan(RSS_BOUND);
    // Within twice the run without them, or under 250 ms, what a person does not notice. On two cores the
    // same code's p99 ranged 21–61 ms without paused readers and 28–139 ms with them from run to run
    // (measured on this commit and the one before it, alone and in CI), so a ratio alone failed on
    // noise; harm (a blocked loop) would be seconds. Checking each event's schema costs 10 µs.
    expect(p99(loaded)).toBeLessThan(Math.max(2 * p99(baseline), 250));
    expect(child.exitCode).toBeNull();
  }, 180_000);
});
