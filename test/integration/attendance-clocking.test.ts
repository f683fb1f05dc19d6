import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAttendanceRule } from '../../shared/domain/attendance/index.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { DomainError } from '../../server/features/domain-error.ts';
import { id } from './approval-world.ts';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { login, rawSocket, startTestServer, tempDir, testCore, waitFor } from './harness.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(): Promise<AttendanceWorld> {
  const w = await attendanceWorld();
  cleanups.push(() => w.close());
  return w;
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('clocking on server time', () => {
  it('records the server time and tells the user at once whether it was on time or late', async () => {
    const w = await world();
    const onTime = w.clockAt('zhang.wei', 'in', '2026-11-23T08:57');
    expect(onTime).toMatchObject({ verdict: 'on_time', minutes: 0, record: { at: at('2026-11-23T08:57'), source: 'online' } });
    const late = w.clockAt('liu.yang', 'in', '2026-11-23T09:12');
    expect(late).toMatchObject({ verdict: 'late', minutes: 12, day: { status: 'in_progress', lateMinutes: 12 } });
    const again = w.clockAt('zhang.wei', 'in', '2026-11-23T09:30');
    expect(again).toMatchObject({ verdict: 'already_in', day: { firstIn: at('2026-11-23T08:57'), extraIns: 1 } });
    const early = w.clockAt('zhang.wei', 'out', '2026-11-23T17:40');
    expect(early).toMatchObject({ verdict: 'early', minutes: 20 });
    const done = w.clockAt('zhang.wei', 'out', '2026-11-23T18:05');
    expect(done).toMatchObject({ verdict: 'done', day: { status: 'on_time', workedMinutes: 488 } }); // 08:57–18:05 less the lunch break
    // Every device of the user hears it, with today's judged day.
    const clocked = w.events('zhang.wei', 'attendance.clocked').at(-1);
    expect(clocked).toMatchObject({ kind: 'attendance.clocked', today: { date: '2026-11-23', status: 'on_time' } });
    expect(JSON.stringify(clocked)).not.toContain('10.20.3.4');
  });

  it('says off_day on a weekend and on approved leave', async () => {
    const w = await world();
    expect(w.clockAt('zhang.wei', 'in', '2026-11-28T10:00').verdict).toBe('off_day');
    w.clock.set(at('2026-11-20T10:00'));
    const { requestId } = w.svc.submit(id('zhang.wei'), {
      templateKey: 'leave',
      values: { leaveType: 'annual', start: '2026-11-24', end: '2026-11-24', days: 1, reason: 'Moving house' },
      attachmentIds: [],
    });
    for (const approver of ['wang.fang', 'gao.jian']) {
      const task = w.inbox(approver).find((t) => t.requestId === requestId);
      if (task) w.svc.decide(id(approver), { taskId: task.id, decision: 'approve', comment: '' });
    }
    expect(w.day('zhang.wei', '2026-11-24')).toMatchObject({ status: 'on_leave', leave: 'full' });
    expect(w.clockAt('zhang.wei', 'in', '2026-11-24T09:30').verdict).toBe('off_day');
  });
});

describe('network rules', () => {
  it('accepts clocks from the office ranges, IPv4 on a dual-stack socket included, and refuses others saying why', async () => {
    const w = await world();
    w.setRule({ networks: ['10.20.0.0/16', 'fd00:20::/32'] });
    expect(w.clockAt('zhang.wei', 'in', '2026-11-23T08:50', '10.20.3.4').record.status).toBe('accepted');
    expect(w.clockAt('liu.yang', 'in', '2026-11-23T08:51', '::ffff:10.20.9.9').record.status).toBe('accepted');
    expect(w.clockAt('sun.li', 'in', '2026-11-23T08:52', 'fd00:20::17').record.status).toBe('accepted');
    const outside = refusal(() => w.clockAt('zhou.jie', 'in', '2026-11-23T08:53', '203.0.113.9'));
    expect(outside.code).toBe('network_not_allowed');
    expect(outside.details).toEqual({ ip: '203.0.113.9', networks: '10.20.0.0/16, fd00:20::/32' });
    expect(outside.message).toContain('203.0.113.9');
    expect(w.attendance.service.todaysRecords(id('zhou.jie'))).toHaveLength(0);
  });

  it('lets roles allowed to work remotely clock from outside with a note, and asks for the note', async () => {
    const w = await world();
    w.setRule({ networks: ['10.20.0.0/16'], remoteRoles: ['leader'] });
    w.clock.set(at('2026-11-23T08:40'));
    const ctx = w.office('wang.fang', '198.51.100.7');
    const noNote = refusal(() => w.attendance.service.record(ctx, 'in', { clientTime: w.clock.now(), offline: false }));
    expect(noNote.code).toBe('note_required');
    const outcome = w.attendance.service.record(ctx, 'in', {
      clientTime: w.clock.now(),
      offline: false,
      note: 'Client visit, Pudong',
    });
    expect(outcome.record).toMatchObject({ status: 'accepted', note: 'Client visit, Pudong' });
  });

  it('judges the address the socket really comes from, and ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    server.services.attendance.rules.save(
      { ...defaultAttendanceRule('Asia/Shanghai'), networks: ['10.0.0.0/8'] },
      Date.now(),
      null,
    );
    const user = await login(server.url, 'ma.lin');
    const headers = { authorization: `Bearer ${user.accessToken}`, 'x-forwarded-for': '10.1.2.3' };
    const socket = await rawSocket(server.wsUrl, headers);
    cleanups.push(() => socket.ws.close());
    const clockIn = (id: string) =>
      JSON.stringify({
        type: 'request',
        id,
        method: 'attendance.clockIn',
        actionId: randomUUID(),
        params: { clientTime: Date.now(), offline: false },
      });
    socket.ws.send(clockIn('a'));
    expect(await socket.next('response')).toMatchObject({
      ok: false,
      error: { code: 'network_not_allowed', details: { ip: '127.0.0.1', networks: '10.0.0.0/8' } },
    });
    server.services.attendance.rules.save(
      { ...defaultAttendanceRule('Asia/Shanghai'), networks: ['10.0.0.0/8', '127.0.0.0/8'] },
      Date.now(),
      null,
    );
    socket.ws.send(clockIn('b'));
    expect(await socket.next('response')).toMatchObject({ ok: true, result: { record: { status: 'accepted' } } });

    const proxied = await startTestServer({ trustProxy: true });
    cleanups.push(() => proxied.close());
    proxied.services.attendance.rules.save(
      { ...defaultAttendanceRule('Asia/Shanghai'), networks: ['10.0.0.0/8'] },
      Date.now(),
      null,
    );
    const viaProxy = await rawSocket(proxied.wsUrl, {
      ...headers,
      authorization: `Bearer ${(await login(proxied.url, 'ma.lin')).accessToken}`,
    });
    cleanups.push(() => viaProxy.ws.close());
    viaProxy.ws.send(clockIn('c'));
    expect(await viaProxy.next('response')).toMatchObject({ ok: true });
  });
});

describe('offline clocks', () => {
  it('accepts an outbox clock within the grace period at its click time, and flags a late or off-network one for review', async () => {
    const w = await world();
    w.setRule({ networks: ['10.20.0.0/16'], offlineGraceMinutes: 240 });
    // Arriving at 09:00, still on time: the click time stands.
    w.clock.set(at('2026-11-23T09:00'));
    const clickedAt = at('2026-11-23T08:55');
    // The PC's clock runs 3 minutes fast: the send time reveals it and the click is dated right.
    const skew = -3 * 60_000;
    const fine = w.attendance.service.record({ ...w.office('zhang.wei'), clientSkewMs: skew }, 'in', {
      clientTime: clickedAt - skew,
      offline: true,
    });
    expect(fine).toMatchObject({
      verdict: 'on_time',
      record: { at: clickedAt, offline: true, source: 'offline', status: 'accepted' },
    });
    // Arriving at 10:00, the claim alone makes it on time instead of late: HR decides, even within the grace.
    w.clock.set(at('2026-11-23T10:00'));
    const decisive = w.attendance.service.record(w.office('zhou.jie'), 'in', {
      clientTime: at('2026-11-23T08:50'),
      offline: true,
    });
    expect(decisive).toMatchObject({
      verdict: 'review',
      record: { at: at('2026-11-23T08:50'), status: 'review', reviewReason: 'late_sync' },
    });

    const lateSync = w.attendance.service.record(w.office('liu.yang'), 'in', {
      clientTime: at('2026-11-23T05:30'),
      offline: true,
    });
    expect(lateSync).toMatchObject({ verdict: 'review', record: { status: 'review', reviewReason: 'late_sync' } });
    const offNetwork = w.attendance.service.record(w.office('sun.li', '203.0.113.9'), 'in', {
      clientTime: at('2026-11-23T08:59'),
      offline: true,
    });
    expect(offNetwork.record).toMatchObject({ status: 'review', reviewReason: 'network' });
    expect(w.day('sun.li', '2026-11-23')).toMatchObject({ review: true, firstIn: at('2026-11-23T08:59') });
  });

  it('a connected socket cannot backdate: "offline" from a socket open since before the click is dated on arrival', async () => {
    const w = await world();
    w.clock.set(at('2026-11-23T10:30'));
    // The socket has been open since 08:00; the client claims a click at 08:55 made offline.
    const backdated = w.attendance.service.record({ ...w.office('zhang.wei'), connectedSince: at('2026-11-23T08:00') }, 'in', {
      clientTime: at('2026-11-23T08:55'),
      offline: true,
    });
    expect(backdated).toMatchObject({
      verdict: 'late',
      record: { at: at('2026-11-23T10:30'), offline: false, status: 'accepted' },
    });
    // A socket that opened after the click: a real outbox item, past the default 15-minute grace, goes to review.
    const queued = w.attendance.service.record({ ...w.office('liu.yang'), connectedSince: at('2026-11-23T10:29') }, 'in', {
      clientTime: at('2026-11-23T08:55'),
      offline: true,
    });
    expect(queued).toMatchObject({
      verdict: 'review',
      record: { at: at('2026-11-23T08:55'), offline: true, reviewReason: 'late_sync' },
    });
  });

  it('never dates a clock in the future, and treats a click minutes before arrival as offline even if the client said not', async () => {
    const w = await world();
    w.clock.set(at('2026-11-23T09:00'));
    const future = w.attendance.service.record({ ...w.office('zhang.wei'), clientSkewMs: 0 }, 'in', {
      clientTime: at('2026-11-23T09:30'),
      offline: true,
    });
    expect(future.record.at).toBe(at('2026-11-23T09:00'));
    const stale = w.attendance.service.record(w.office('liu.yang'), 'in', { clientTime: at('2026-11-23T08:40'), offline: false });
    expect(stale.record).toMatchObject({ offline: true, at: at('2026-11-23T08:40') });
  });

  it('HR settles a flagged record; the decision is audited and the day re-judged', async () => {
    const w = await world();
    w.clock.set(at('2026-11-23T18:00'));
    const flagged = w.attendance.service.record(w.office('liu.yang'), 'in', {
      clientTime: at('2026-11-23T08:50'),
      offline: true,
    });
    expect(flagged.record.status).toBe('review');
    const hr = await login(w.server.url, 'chen.jing');
    const employee = await login(w.server.url, 'liu.yang');
    const review = (token: string, body: object) =>
      fetch(`${w.server.url}/api/admin/attendance/records/${flagged.record.id}/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await review(employee.accessToken, { decision: 'accept' })).status).toBe(403);
    expect((await review(hr.accessToken, { decision: 'maybe' })).status).toBe(400);
    expect((await review(hr.accessToken, { decision: 'reject' })).status).toBe(200);
    expect((await review(hr.accessToken, { decision: 'accept' })).status).toBe(409);
    expect(w.day('liu.yang', '2026-11-23')).toMatchObject({ status: 'absent', review: false });
    expect(w.attendance.clocks.auditOf(id('liu.yang'))).toMatchObject([
      { action: 'review_rejected', recordId: flagged.record.id, actorId: id('chen.jing'), after: { status: 'rejected' } },
    ]);
  });

  it('keeps a clock made while the server is down through a client restart and a server restart, dated when it was clicked', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    const port = first.port;
    const appDir = tempDir('core-offline');
    cleanups.push(appDir.remove);
    // The PC's clock is 37 minutes slow; the server must still date the click right.
    const pcClock: Clock = { now: () => Date.now() - 37 * 60_000 };
    const makeCore = () => testCore(appDir.dir, first.url, pcClock);

    const core = makeCore();
    expect(await core.handlers['session.signIn']({ serverUrl: first.url, username: 'xu.tao', password: 'portico-demo' })).toEqual(
      {
        ok: true,
      },
    );
    await waitFor(() => core.connectionView().state === 'online', 5000, 'online');
    await first.close();
    await waitFor(() => core.connectionView().state !== 'online', 5000, 'the client to notice');

    const clickedAt = Date.now();
    expect(await core.handlers['attendance.clock']({ kind: 'in' })).toEqual({ status: 'queued' });
    expect(core.homeView().queuedClock).toMatchObject({ kind: 'in' });
    expect(core.connectionView().queuedActions).toBe(1);
    core.stop(); // the PC is switched off with the clock-in still in the outbox

    const second = await startTestServer({ dataDir, port });
    cleanups.push(() => second.close());
    const restarted = makeCore();
    cleanups.push(() => restarted.stop());
    await restarted.start();
    await waitFor(
      () => restarted.connectionView().state === 'online' && restarted.connectionView().queuedActions === 0,
      8000,
      'the outbox to drain',
    );
    const records = second.services.attendance.service.todaysRecords(id('xu.tao'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'in', offline: true, source: 'offline', status: 'accepted' });
    expect(Math.abs(records[0]!.at - clickedAt)).toBeLessThan(3000);
    expect(records[0]!.clientTime).toBeLessThan(clickedAt - 36 * 60_000);
    await waitFor(() => restarted.homeView().today?.firstIn === records[0]!.at, 5000, 'today to show the clock-in');
    expect(restarted.homeView().queuedClock).toBeNull();
  });
});
