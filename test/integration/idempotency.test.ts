import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { login, rawSocket, startTestServer, syncClientFor, tempDir, waitFor } from './harness.ts';

describe('client action ids', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('gives one effect and identical answers to the same actionId, also across a reconnect', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const user = await login(server.url, 'ma.lin');
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const actionId = randomUUID();
    const frame = JSON.stringify({
      type: 'request',
      id: 'a',
      method: 'attendance.clockIn',
      actionId,
      params: { clientTime: 1_700_000_000_000, offline: false },
    });
    const headBefore = server.services.log.position(user.user.id).head;

    const first = await rawSocket(server.wsUrl, headers);
    first.ws.send(frame);
    const answer1 = await first.next('response');
    first.ws.send(frame);
    const answer2 = await first.next('response');
    first.ws.close();

    const second = await rawSocket(server.wsUrl, headers);
    second.ws.send(frame);
    const answer3 = await second.next('response');
    second.ws.close();

    expect(answer1).toMatchObject({ ok: true });
    expect(JSON.stringify(answer2)).toBe(JSON.stringify(answer1));
    expect(JSON.stringify(answer3)).toBe(JSON.stringify(answer1));
    expect(server.services.attendance.service.todaysRecords(user.user.id)).toHaveLength(1);
    expect(server.services.log.position(user.user.id).head).toBe(headBefore + 1);
  });

  it('refuses a mutating request without an actionId and one actionId reused for another method', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const user = await login(server.url, 'ma.lin');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    cleanups.push(() => socket.ws.close());
    const params = { clientTime: 1, offline: false };
    socket.ws.send(JSON.stringify({ type: 'request', id: 'x', method: 'attendance.clockIn', params }));
    expect(await socket.next('response')).toMatchObject({ ok: false, error: { code: 'action_id_required' } });
    const actionId = randomUUID();
    socket.ws.send(JSON.stringify({ type: 'request', id: 'y', method: 'attendance.clockIn', actionId, params }));
    expect(await socket.next('response')).toMatchObject({ ok: true });
    socket.ws.send(JSON.stringify({ type: 'request', id: 'z', method: 'attendance.clockOut', actionId, params }));
    expect(await socket.next('response')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(server.services.attendance.service.todaysRecords(user.user.id)).toHaveLength(1);
  });

  it('sends an action queued offline once, with its local time and the offline mark', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const tmp = tempDir('outbox');
    cleanups.push(tmp.remove);
    const user = await login(server.url, 'xu.tao');
    const { client, outbox } = syncClientFor(() => server.url, user, path.join(tmp.dir, 'cache.sqlite'));
    cleanups.push(() => client.stop());
    const clickedAt = Date.now() - 60_000;
    client.enqueue('attendance.clockIn', { clientTime: clickedAt, offline: true });
    expect(outbox.size()).toBe(1);
    client.start();
    await waitFor(() => outbox.size() === 0, 5000, 'the outbox to drain');
    const records = server.services.attendance.service.todaysRecords(user.user.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'in', clientTime: clickedAt, offline: true });
  });
});
