import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/domain/clock.ts';
import { CloseCode } from '../../shared/protocol/errors.ts';
import { login, rawSocket, startTestServer, upgradeStatus } from './harness.ts';

describe('bad input at the gateway', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const server = await startTestServer({ allowedOrigins: ['https://oa.example.com'] });
    cleanups.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    return { server, user, headers: { authorization: `Bearer ${user.accessToken}` } };
  }

  it('closes with 1009 on a frame over 64 KiB', async () => {
    const { server, headers } = await setup();
    const socket = await rawSocket(server.wsUrl, headers);
    socket.ws.send(JSON.stringify({ type: 'ack', seq: 0, pad: 'x'.repeat(65 * 1024) }));
    expect((await socket.closed).code).toBe(1009);
  });

  it('answers malformed JSON and unknown frames with an error frame and keeps serving', async () => {
    const { server, headers } = await setup();
    const other = await rawSocket(server.wsUrl, headers);
    const socket = await rawSocket(server.wsUrl, headers);
    socket.ws.send('{not json');
    expect(await socket.next('error')).toMatchObject({ error: { code: 'bad_frame', message: 'frame is not valid JSON' } });
    socket.ws.send(JSON.stringify({ type: 'teleport', to: 'mars' }));
    expect(await socket.next('error')).toMatchObject({ error: { code: 'bad_frame' } });
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await socket.next('error')).toMatchObject({ error: { code: 'bad_frame' } });
    socket.ws.send(JSON.stringify({ type: 'request', id: 'q', method: 'no.such', params: {} }));
    expect(await socket.next('response')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    socket.ws.send(
      JSON.stringify({
        type: 'request',
        id: 'p',
        method: 'notices.markRead',
        actionId: crypto.randomUUID(),
        params: { noticeId: 42 },
      }),
    );
    expect(await socket.next('response')).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    // Still serving this socket and the others.
    socket.ws.send(JSON.stringify({ type: 'request', id: 's', method: 'sync.snapshot', params: {} }));
    expect(await socket.next('response')).toMatchObject({ id: 's', ok: true });
    other.ws.send(JSON.stringify({ type: 'request', id: 't', method: 'sync.snapshot', params: {} }));
    expect(await other.next('response')).toMatchObject({ id: 't', ok: true });
    socket.ws.close();
    other.ws.close();
  });

  it('refuses a missing, wrong or forged token and a foreign Origin at the upgrade', async () => {
    const { server, user, headers } = await setup();
    expect(await upgradeStatus(server.wsUrl, {})).toBe(401);
    expect(await upgradeStatus(server.wsUrl, { authorization: 'Bearer not-a-jwt' })).toBe(401);
    const [h, p] = user.accessToken.split('.');
    expect(await upgradeStatus(server.wsUrl, { authorization: `Bearer ${h}.${p}.forgedsignature` })).toBe(401);
    expect(await upgradeStatus(server.wsUrl, { ...headers, origin: 'https://evil.example' })).toBe(403);
    const allowed = await rawSocket(server.wsUrl, { ...headers, origin: 'https://oa.example.com' });
    expect(await allowed.next('welcome')).toMatchObject({ userId: 'u_zhang_wei' });
    allowed.ws.close();
  });

  it('refuses an expired token at the upgrade', async () => {
    const clock = new ManualClock(Date.now());
    const server = await startTestServer({}, { clock });
    cleanups.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    clock.advance(16 * 60_000);
    expect(await upgradeStatus(server.wsUrl, { authorization: `Bearer ${user.accessToken}` })).toBe(401);
  });

  it('closes the socket when the token expires without a refresh, and keeps it open after reauth', async () => {
    const server = await startTestServer({ accessTtlSeconds: 5 });
    cleanups.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    const lapsing = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    const renewing = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    // JWT expiry has one-second resolution: the fresh token must come at least a second later to outlive the first.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const fresh = await login(server.url, 'zhang.wei');
    renewing.ws.send(JSON.stringify({ type: 'reauth', accessToken: fresh.accessToken }));
    expect(await renewing.next('reauthed')).toMatchObject({ accessExpiresAt: fresh.accessExpiresAt });
    expect(fresh.accessExpiresAt - user.accessExpiresAt).toBeGreaterThanOrEqual(1000);
    expect((await lapsing.closed).code).toBe(CloseCode.tokenExpired);
    expect(renewing.ws.readyState).toBe(renewing.ws.OPEN);
    renewing.ws.close();
  }, 15_000);

  it('rate-limits a flooding socket with an error frame, then closes it with 1008', async () => {
    const { server, headers } = await setup();
    const socket = await rawSocket(server.wsUrl, headers);
    for (let i = 0; i < 400; i++) socket.ws.send(JSON.stringify({ type: 'ack', seq: 0 }));
    expect(await socket.next('error')).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await socket.closed).code).toBe(1008);
  });

  it('answers a request over the rate limit with rate_limited at once instead of leaving it to time out', async () => {
    const { server, headers } = await setup();
    const socket = await rawSocket(server.wsUrl, headers);
    for (let i = 0; i < 150; i++) socket.ws.send(JSON.stringify({ type: 'ack', seq: 0 }));
    socket.ws.send(JSON.stringify({ type: 'request', id: 'r-over', method: 'directory.people', params: {} }));
    expect(await socket.next('response')).toMatchObject({ id: 'r-over', ok: false, error: { code: 'rate_limited' } });
  });

  it('never refuses a resume, even over the rate limit: it is answered, at once or after a short wait', async () => {
    const { server, headers } = await setup();
    const socket = await rawSocket(server.wsUrl, headers);
    for (let i = 0; i < 150; i++) socket.ws.send(JSON.stringify({ type: 'ack', seq: 0 }));
    socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: null }));
    expect(await socket.next('resync')).toMatchObject({ type: 'resync' });
    // Resumes in a burst beyond their own budget wait their turn; the last one is answered.
    for (let i = 0; i < 8; i++) socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: null }));
    expect(await socket.next('resync', 5000)).toMatchObject({ type: 'resync' });
    expect(socket.frames.filter((f) => f.type === 'error' && f.error.code === 'rate_limited').length).toBeLessThanOrEqual(1);
  });

  it('answers bad HTTP bodies with 4xx and a reason', async () => {
    const { server } = await setup();
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{oops')).status).toBe(400);
    expect((await post(JSON.stringify({ username: '', password: 'x' }))).status).toBe(400);
    expect((await post('a'.repeat(70 * 1024))).status).toBe(413);
    expect((await post('username=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    const wrong = await post(JSON.stringify({ username: 'zhang.wei', password: 'wrong' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'wrong_credentials', triesBeforeWait: 4 } });
  });

  it('slows password guessing from one address (429 with a retry time) but not the refreshes of an office behind one NAT address', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const user = await login(server.url, 'zhang.wei'); // 1 of the address's 10 attempts
    const post = (path: string, body: object) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // The bucket refills on the monotonic clock (half a token a second) while scrypt runs, so the
    // limit comes after ten guesses and a few more, depending on how fast this machine hashes.
    const guesses: number[] = [];
    let refused: Response | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      // A different name each time: the per-name budget (sign-in-guard.ts) is not what this test is about.
      const res = await post('/api/auth/login', { username: `guess.${i}`, password: 'guess' });
      if (res.status === 429) refused = res;
      else guesses.push(res.status);
    }
    expect(guesses.every((status) => status === 401)).toBe(true);
    expect(guesses.length).toBeGreaterThanOrEqual(9);
    expect(refused?.status).toBe(429);
    if (!refused) return;
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });

    // 40 refreshes from the same address in a row (40 PCs at 9:00): every one is answered.
    let refreshToken = user.refreshToken;
    for (let i = 0; i < 40; i++) {
      const res = await post('/api/auth/refresh', { refreshToken });
      expect(res.status).toBe(200);
      refreshToken = ((await res.json()) as { refreshToken: string }).refreshToken;
    }
  });
});
