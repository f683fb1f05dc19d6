import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censoredTarget } from '../../server/ops/access-log.ts';
import { createServerLogger } from '../../server/ops/server-logger.ts';
import { LogLevelState } from '../../shared/protocol/operations-api.ts';
import { login, rawSocket, refreshRequest, startTestServer } from './harness.ts';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  conn?: string;
  call?: string;
  [field: string]: unknown;
}

/** The lines a server writes, kept raw (for grepping) and parsed. */
function recordingDestination() {
  const raw: string[] = [];
  return {
    raw,
    lines: () => raw.map((line) => JSON.parse(line) as LogLine),
    write(line: string) {
      raw.push(line);
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 3000; !check();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the server’s log: every line names its request, and no secret is ever in it', () => {
  const out = recordingDestination();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ logLevel: 'trace' }, { logDestination: out });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends one request alone and returns every line written from its start to its access line. */
  async function linesOf(send: () => Promise<Response>): Promise<{ res: Response; lines: LogLine[] }> {
    const from = out.raw.length;
    const res = await send();
    await res.arrayBuffer();
    const id = res.headers.get('x-request-id');
    await until(
      () =>
        out
          .lines()
          .slice(from)
          .some((l) => l.msg === 'http request' && l.reqId === id),
      'the access line',
    );
    return { res, lines: out.lines().slice(from) };
  }

  it('stamps every line of a request with its id, taken from X-Request-Id or made up, and sends it back', async () => {
    const wrong = await linesOf(() =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-given-0001' },
        body: JSON.stringify({ username: 'zhang.wei', password: 'not-his-password' }),
      }),
    );
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.headers.get('x-request-id')).toBe('proxy-given-0001');
    expect(wrong.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['sign-in refused', 'http request']));
    expect(wrong.lines.every((l) => l.reqId === 'proxy-given-0001')).toBe(true);
    const access = wrong.lines.find((l) => l.msg === 'http request')!;
    expect(access).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 401, code: 'wrong_credentials' });
    expect(access.ip).toMatch(/127\.0\.0\.1/);

    // Without a header (or with one that is not a sane id), the server makes one up.
    const made = await linesOf(() => fetch(`${server.url}/api/version`, { headers: { 'x-request-id': 'not a sane id' } }));
    const id = made.res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.lines.length).toBeGreaterThan(0);
    expect(made.lines.every((l) => l.reqId === id)).toBe(true);
  });

  it('stamps what a socket request logs with the socket and the call', async () => {
    const staff = await login(server.url, 'liu.yang');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${staff.accessToken}` });
    await socket.next('welcome');
    const from = out.raw.length;
    socket.ws.send(JSON.stringify({ type: 'request', id: 'call-7', method: 'directory.people', params: {} }));
    await socket.next('response');
    await until(
      () =>
        out
          .lines()
          .slice(from)
          .some((l) => l.msg === 'socket request'),
      'the socket request line',
    );
    const lines = out.lines().slice(from);
    for (const line of lines)
      expect([line.call, line.method, typeof line.conn]).toEqual(['call-7', 'directory.people', 'string']);
    expect(lines.find((l) => l.msg === 'socket request')).toMatchObject({ outcome: 'ok', userId: 'u_liu_yang' });
    socket.ws.close();
  });

  it('lets an administrator change the level while it runs, for a while, and no one else', async () => {
    const admin = await login(server.url, 'huang.min');
    const staff = await login(server.url, 'zhang.wei');
    const put = (token: string, body: object) =>
      fetch(`${server.url}/api/admin/log-level`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await put(staff.accessToken, { level: 'debug' })).status).toBe(403);
    expect((await put(admin.accessToken, { level: 'loud' })).status).toBe(400);
    const changed = await put(admin.accessToken, { level: 'warn', minutes: 15 });
    const state = LogLevelState.parse(await changed.json());
    expect(state).toMatchObject({ level: 'warn', configured: 'trace' });
    expect(state.until! - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(out.lines().some((l) => l.msg === 'log level changed' && l.to === 'warn' && l.by === 'u_huang_min')).toBe(true);
    // At warn, a successful request writes no access line.
    const from = out.raw.length;
    await (await fetch(`${server.url}/api/version`)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      out
        .lines()
        .slice(from)
        .filter((l) => l.msg === 'http request'),
    ).toEqual([]);
    expect((await put(admin.accessToken, { level: 'trace' })).status).toBe(200);
  });

  it('never writes a password or a token, in a run that signs in, refreshes, opens a socket and signs out', async () => {
    const secrets: string[] = ['portico-demo', 'not-his-password'];
    const first = await login(server.url, 'sun.li');
    secrets.push(first.accessToken, first.refreshToken);
    const refreshed = await refreshRequest(server.url, first.refreshToken);
    const tokens = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    secrets.push(tokens.accessToken, tokens.refreshToken);
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${tokens.accessToken}` });
    await socket.next('welcome');
    socket.ws.send(JSON.stringify({ type: 'reauth', accessToken: 'forged.token.value-that-is-long-enough' }));
    await socket.next('error');
    secrets.push('forged.token.value-that-is-long-enough');
    socket.ws.close();
    await fetch(`${server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: first.refreshToken }), // already used: refused
    });
    await fetch(`${server.url}/api/launch?ticket=a-ticket-in-a-query-string&token=another-secret-value`);
    secrets.push('a-ticket-in-a-query-string', 'another-secret-value');
    await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all = out.raw.join('');
    expect(out.raw.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      expect(all.includes(secret), `a log line holds ${secret.slice(0, 12)}…`).toBe(false);
      // Nor the signature of a token alone.
      const signature = secret.split('.').at(-1)!;
      if (signature.length >= 16) expect(all.includes(signature)).toBe(false);
    }
  });
});

describe('redaction, by field and in request targets', () => {
  it('censors secret fields at the top and one level down, and credential-like query values', () => {
    const raw: string[] = [];
    const logger = createServerLogger('info', { write: (line: string) => void raw.push(line) });
    logger.info(
      {
        password: 'p1-secret',
        body: { newPassword: 'p2-secret', refreshToken: 'r-secret' },
        req: { headers: { authorization: 'Bearer a-secret', cookie: 'sid=c-secret' } },
        ticket: 't-secret',
        note: 'kept',
      },
      'x',
    );
    expect(raw.join('')).not.toMatch(/secret/);
    expect(raw.join('')).toContain('kept');
    expect(censoredTarget('/api/launch?ticket=abc&tool=oa&Token=xyz')).toBe(
      '/api/launch?ticket=%5Bredacted%5D&tool=oa&Token=%5Bredacted%5D',
    );
    expect(censoredTarget('/plain/path')).toBe('/plain/path');
  });
});
