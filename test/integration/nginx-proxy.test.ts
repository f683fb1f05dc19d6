import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_ATTACHMENT_BYTES } from '../../server/features/attachments/attachment-store.ts';
import { ServerFrame } from '../../shared/protocol/frames.ts';
import { SHIPPED_CONFIG, type RunningNginx, startNginx } from './nginx-proxy.ts';
import { startTestServer } from './harness.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * The shipped nginx configuration in a real nginx, in front of a server started with
 * --trust-proxy. Clients connect from chosen loopback addresses (127.0.0.2, 127.0.0.3: all of
 * 127/8 is this machine), so "who is asking" differs from nginx's own 127.0.0.1.
 */
describe('behind the shipped nginx configuration (TLS, WebSocket upgrade, forwarded addresses, body limit)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let nginx: RunningNginx;
  const logs = {
    raw: [] as string[],
    write(line: string) {
      this.raw.push(line);
    },
    lines(): { msg: string; reqId?: string; ip?: string }[] {
      return this.raw.map((line) => JSON.parse(line) as { msg: string; reqId?: string; ip?: string });
    },
  };
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, logLevel: 'info' }, { logDestination: logs });
    nginx = await startNginx(server.port);
  });
  afterAll(async () => {
    await nginx?.stop();
    await server?.close();
  });

  const call = (
    from: string,
    method: string,
    target: string,
    options: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${nginx.url}${target}`,
        { method, headers: options.headers, ca: nginx.ca, localAddress: from, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  const json = (body: object) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const signIn = async (from: string, username: string) => {
    const answer = await call(from, 'POST', '/api/auth/login', json({ username, password: 'portico-demo' }));
    expect(answer.status, answer.body).toBe(200);
    return JSON.parse(answer.body) as { accessToken: string };
  };

  it('signs in, upgrades the socket and delivers a notice live, every step through nginx', async () => {
    const staff = await signIn('127.0.0.2', 'zhang.wei');
    const ws = new WebSocket(nginx.wsUrl, {
      headers: { authorization: `Bearer ${staff.accessToken}` },
      ca: nginx.ca,
      localAddress: '127.0.0.2',
    });
    const frames: ServerFrame[] = [];
    ws.on('message', (data) => frames.push(ServerFrame.parse(JSON.parse(data.toString()))));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const next = async (type: string) => {
      for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
        const found = frames.find((f) => f.type === type);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${type} frame through nginx; got ${frames.map((f) => f.type).join(',')}`);
    };
    const welcome = await next('welcome');
    ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: welcome.type === 'welcome' ? welcome.epoch : null }));
    await next('resumed');

    const hr = await signIn('127.0.0.3', 'chen.jing');
    const published = await call('127.0.0.3', 'POST', '/api/notices', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr.accessToken}` },
      body: JSON.stringify({ title: 'Through the proxy', body: 'Delivered.', requiresAck: false, audience: { everyone: true } }),
    });
    expect(published.status, published.body).toBe(201);
    for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
      if (
        frames.some(
          (f) => f.type === 'event' && f.event.kind === 'notice.published' && f.event.notice.title === 'Through the proxy',
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const titles = frames.flatMap((f) =>
      f.type === 'event' && f.event.kind === 'notice.published' ? [f.event.notice.title] : [],
    );
    expect(titles).toContain('Through the proxy');
    ws.close();

    // nginx's request id reaches the server, which answers with it: one id in both logs.
    const id = published.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(nginx.accessLog()).toContain(`"POST /api/notices HTTP/1.1" 201`);
    expect(nginx.accessLog()).toContain(`id=${String(id)}`);
  });

  it('rate-limits the address nginx saw, not nginx’s own, and a forged X-Forwarded-For changes nothing', async () => {
    // Sign-ins: 10 at once per address, then one every 2 s. Unknown names, so no account's own lock counts.
    const attempt = (from: string, i: number, headers: Record<string, string> = {}) =>
      call(from, 'POST', '/api/auth/login', {
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: `nobody-${from}-${i}`, password: 'wrong-password' }),
      });
    // Sent at once: a refused password takes a deliberate hash's time, and one every 2 s refills meanwhile.
    const statuses = (await Promise.all(Array.from({ length: 14 }, (_, i) => attempt('127.0.0.4', i)))).map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    // The client's own header is kept but nginx appends the address it saw; the server takes that last
    // one. The server's log shows the address its limiter used, request by request.
    const forged = await attempt('127.0.0.4', 99, { 'x-forwarded-for': '198.51.100.7' });
    const seen = (id: unknown) => logs.lines().find((l) => l.msg === 'http request' && l.reqId === id)?.ip;
    expect(seen(forged.headers['x-request-id'])).toBe('127.0.0.4');
    // Another PC behind the same nginx is not throttled for the first one's guesses.
    const other = await attempt('127.0.0.5', 0);
    expect(other.status).toBe(401);
    expect(seen(other.headers['x-request-id'])).toBe('127.0.0.5');
  });

  it('passes an attachment of the server’s largest size and refuses one byte more at nginx itself', async () => {
    const limit = /client_max_body_size (\d+)m;/.exec(readFileSync(SHIPPED_CONFIG, 'utf8'))?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(MAX_ATTACHMENT_BYTES);
    const staff = await signIn('127.0.0.6', 'liu.yang');
    const upload = (bytes: number) =>
      call('127.0.0.6', 'POST', '/api/attachments?name=scan.pdf', {
        headers: { 'content-type': 'application/pdf', authorization: `Bearer ${staff.accessToken}` },
        body: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]),
      });
    const atLimit = await upload(MAX_ATTACHMENT_BYTES);
    expect(atLimit.status, atLimit.body).toBe(201);
    const over = await upload(MAX_ATTACHMENT_BYTES + 1);
    expect(over.status).toBe(413);
    expect(over.body).toContain('nginx'); // refused by nginx's own page: it never reached the server
  });
});
