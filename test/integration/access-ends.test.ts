import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/domain/clock.ts';
import { login, rawSocket, refreshRequest, startTestServer } from './harness.ts';

const json = (token: string, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const refresh = refreshRequest;

describe('access ends when it should', () => {
  const stops: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('disabling an account closes its sockets at once and refuses its refresh, its token and its actions', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    const leader = await login(server.url, 'li.na');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${leader.accessToken}` });
    stops.push(() => socket.ws.close());
    const admin = await login(server.url, 'huang.min');

    const started = Date.now();
    const res = await fetch(
      `${server.url}/api/admin/users/${leader.user.id}`,
      json(admin.accessToken, 'PATCH', { disabled: true }),
    );
    expect(res.status).toBe(200);
    const closed = await socket.closed;
    expect(closed.code).toBe(4003);
    expect(Date.now() - started).toBeLessThan(1000);

    expect((await refresh(server.url, leader.refreshToken)).status).toBe(401);
    expect((await fetch(`${server.url}/api/notices`, json(leader.accessToken, 'GET'))).status).toBe(401);
    const upgrade = await rawSocket(server.wsUrl, { authorization: `Bearer ${leader.accessToken}` }).then(
      () => 'opened',
      (error: Error) => error.message,
    );
    expect(upgrade).toBe('HTTP 401');
  });

  it('a reused refresh token ends its session, and the session’s open sockets close with it', async () => {
    const clock = new ManualClock(Date.now());
    const server = await startTestServer({}, { clock });
    stops.push(() => server.close());
    const user = await login(server.url, 'zhang.wei');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    stops.push(() => socket.ws.close());
    expect((await refresh(server.url, user.refreshToken)).status).toBe(200);
    // Presented again later, past the grace for a lost answer (stolen, or a copied profile): the whole session ends.
    clock.advance(10 * 60_000);
    const again = await refresh(server.url, user.refreshToken);
    expect(again.status).toBe(401);
    expect((await socket.closed).code).toBe(4003);
  });

  it('an open socket of a disabled account is refused per request even before its close arrives', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    const user = await login(server.url, 'ma.lin');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    stops.push(() => socket.ws.close());
    // Disabled behind the gateway's back (as a directory sync on another node would write it).
    const db = new Database(path.join(server.dataDir, 'portico.sqlite'));
    db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(user.user.id);
    db.close();
    socket.ws.send(JSON.stringify({ type: 'request', id: 'r1', method: 'directory.departments', params: {} }));
    expect((await socket.closed).code).toBe(4003);
    expect(socket.frames.some((f) => f.type === 'response')).toBe(false);
  });
});

describe('nobody grants themselves power', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('HR cannot make itself or anyone admin, nor touch an admin; admins can, and every change is audited', async () => {
    const server = await startTestServer();
    stops.push(() => server.close());
    const hr = await login(server.url, 'chen.jing');
    const admin = await login(server.url, 'huang.min');
    const patch = (token: string, userId: string, body: unknown) =>
      fetch(`${server.url}/api/admin/users/${userId}`, json(token, 'PATCH', body));

    const selfAdmin = await patch(hr.accessToken, hr.user.id, { roles: ['employee', 'hr', 'publisher', 'admin'] });
    expect(selfAdmin.status).toBe(403);
    expect((await patch(hr.accessToken, hr.user.id, { roles: ['employee', 'hr', 'publisher', 'leader'] })).status).toBe(403);
    expect((await patch(hr.accessToken, admin.user.id, { disabled: true })).status).toBe(403);
    expect((await patch(hr.accessToken, admin.user.id, { displayName: 'Someone else' })).status).toBe(403);
    expect((await patch(hr.accessToken, 'u_zhang_wei', { roles: ['employee', 'admin'] })).status).toBe(403);
    const createAdmin = await fetch(
      `${server.url}/api/admin/users`,
      json(hr.accessToken, 'POST', {
        username: 'sneaky',
        displayName: 'Sneaky',
        password: 'long enough password',
        roles: ['admin'],
      }),
    );
    expect(createAdmin.status).toBe(403);
    // Nothing changed.
    expect((await login(server.url, 'chen.jing')).user.roles).not.toContain('admin');
    expect((await login(server.url, 'huang.min')).user.roles).toContain('admin');

    // HR still does HR's work: another person's ordinary roles.
    expect((await patch(hr.accessToken, 'u_zhang_wei', { roles: ['employee', 'publisher'] })).status).toBe(200);
    // An admin grants admin, and cannot disable itself.
    expect((await patch(admin.accessToken, 'u_he_ping', { roles: ['employee', 'admin'] })).status).toBe(200);
    expect((await patch(admin.accessToken, admin.user.id, { disabled: true })).status).toBe(403);

    const audit = await (await fetch(`${server.url}/api/admin/users/u_zhang_wei/audit`, json(admin.accessToken, 'GET'))).json();
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: hr.user.id,
        targetId: 'u_zhang_wei',
        action: 'roles_changed',
        before: { roles: ['employee'] },
        after: { roles: ['employee', 'publisher'] },
        ip: expect.stringMatching(/127\.0\.0\.1/),
      }),
    ]);
    expect((await fetch(`${server.url}/api/admin/users/u_zhang_wei/audit`, json(hr.accessToken, 'GET'))).status).toBe(403);
    const db = new Database(path.join(server.dataDir, 'portico.sqlite'));
    expect(() => db.prepare("UPDATE account_audit SET actor_id = 'nobody'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM account_audit').run()).toThrow(/append-only/);
    db.close();
  });
});
