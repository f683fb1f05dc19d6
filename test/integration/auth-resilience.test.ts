import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/domain/clock.ts';
import { login, rawSocket, refreshRequest, startTestServer } from './harness.ts';

const refresh = refreshRequest;

describe('sign-in survives a bad network and a clock stepped back', () => {
  const stops: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('a refresh whose answer was lost is answered again with the same pair within the grace window; later it ends the session', async () => {
    const clock = new ManualClock(Date.now());
    const server = await startTestServer({}, { clock });
    stops.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    const first = await refresh(server.url, user.refreshToken);
    expect(first.status).toBe(200);
    const pair = (await first.json()) as { refreshToken: string; accessToken: string };
    // The PC never saw that answer and asks again with the old token.
    clock.advance(5_000);
    const retried = await refresh(server.url, user.refreshToken);
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as { refreshToken: string }).refreshToken).toBe(pair.refreshToken);
    // The new pair works; the session is alive.
    expect((await refresh(server.url, pair.refreshToken)).status).toBe(200);
    // The old token presented long after: that is theft or a copied profile, and the session ends.
    clock.advance(5 * 60_000);
    expect((await refresh(server.url, user.refreshToken)).status).toBe(401);
  });

  it('a server clock stepped back an hour limits nobody: buckets run on the monotonic clock', async () => {
    const clock = new ManualClock(Date.now());
    const server = await startTestServer({}, { clock });
    stops.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    clock.advance(-3600_000);
    let refreshToken = user.refreshToken;
    for (let i = 0; i < 5; i += 1) {
      const res = await refresh(server.url, refreshToken);
      expect(res.status).toBe(200);
      refreshToken = ((await res.json()) as { refreshToken: string }).refreshToken;
    }
    expect((await login(server.url, 'liu.yang')).user.username).toBe('liu.yang');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    stops.push(() => socket.ws.close());
    for (let i = 0; i < 20; i += 1) {
      socket.ws.send(JSON.stringify({ type: 'request', id: `r${i}`, method: 'directory.departments', params: {} }));
      expect(await socket.next('response')).toMatchObject({ ok: true });
    }
  });
});
