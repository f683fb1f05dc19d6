import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { demoUsers } from '../../server/demo/demo-organisation.ts';
import { id } from './approval-world.ts';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { login } from './harness.ts';

/** The rules real offices use (issue 19, item 7): half days, a lunch break, a grace period, and offline receipt times. */
describe('attendance rules as offices use them', () => {
  let w: AttendanceWorld;
  afterEach(async () => {
    await w.close();
  });

  const approveAll = (requestId: string) => {
    for (let round = 0; round < 10; round += 1) {
      const holder = demoUsers.find((u) => w.inbox(u.username).some((t) => t.requestId === requestId));
      if (!holder) return;
      const task = w.inbox(holder.username).find((t) => t.requestId === requestId)!;
      w.svc.decide(holder.id, { taskId: task.id, decision: 'approve', comment: '' });
    }
  };

  it('a morning of leave: the afternoon clock-in is taken, and 13:00 after the lunch break is on time', async () => {
    w = await attendanceWorld(at('2026-11-20T10:00'));
    const { requestId } = w.svc.submit(id('zhang.wei'), {
      templateKey: 'leave',
      values: { leaveType: 'personal', start: '2026-11-24', end: '2026-11-24', endHalf: 'am', reason: 'Dentist' },
      attachmentIds: [],
    });
    approveAll(requestId);
    expect(w.day('zhang.wei', '2026-11-24')).toMatchObject({ leave: 'partial', lateAfter: at('2026-11-24T13:00') });
    const arrival = w.clockAt('zhang.wei', 'in', '2026-11-24T13:00');
    expect(arrival.verdict).toBe('on_time'); // not "not a workday"
    w.clockAt('zhang.wei', 'out', '2026-11-24T18:00');
    expect(w.day('zhang.wei', '2026-11-24')).toMatchObject({ status: 'on_time', leave: 'partial', workedMinutes: 300 });
    // Another day, a whole day off, is still a day off.
    const whole = w.svc.submit(id('zhang.wei'), {
      templateKey: 'leave',
      values: { leaveType: 'personal', start: '2026-11-25', end: '2026-11-25', reason: 'Moving house' },
      attachmentIds: [],
    });
    approveAll(whole.requestId);
    expect(w.clockAt('zhang.wei', 'in', '2026-11-25T09:00').verdict).toBe('off_day');
  });

  it('a grace period: late only after it, and the end never moves; elastic hours move it only within the flex', async () => {
    w = await attendanceWorld(at('2026-11-23T08:00'));
    w.setRule({ flexMinutes: 15, flexMode: 'grace' });
    w.clockAt('zhang.wei', 'in', '2026-11-23T09:12');
    w.clockAt('zhang.wei', 'out', '2026-11-23T18:00');
    expect(w.day('zhang.wei', '2026-11-23')).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T18:00') });
    w.clockAt('liu.yang', 'in', '2026-11-23T09:20');
    w.clockAt('liu.yang', 'out', '2026-11-23T18:00');
    expect(w.day('liu.yang', '2026-11-23')).toMatchObject({ status: 'late', lateMinutes: 20, earlyMinutes: 0 });

    w.setRule({ flexMinutes: 15, flexMode: 'elastic' });
    w.clockAt('sun.li', 'in', '2026-11-24T09:40');
    w.clockAt('sun.li', 'out', '2026-11-24T18:00');
    // 40 minutes late is judged once: not also 15 minutes early for leaving at 18:00.
    expect(w.day('sun.li', '2026-11-24')).toMatchObject({ status: 'late', lateMinutes: 40, earlyMinutes: 0 });
  });

  it('keeps an offline clock’s click time and the time it was received, on the record and in HR’s report', async () => {
    w = await attendanceWorld(at('2026-11-23T08:00'));
    w.setRule({ offlineGraceMinutes: 240 });
    w.clock.set(at('2026-11-23T10:42'));
    const outcome = w.attendance.service.record(w.office('zhang.wei'), 'in', {
      clientTime: at('2026-11-23T08:55'),
      offline: true,
    });
    expect(outcome.record).toMatchObject({ at: at('2026-11-23T08:55'), receivedAt: at('2026-11-23T10:42') });
    w.clock.set(at('2026-11-30T12:00'));

    const hr = await login(w.server.url, 'chen.jing');
    const get = (query: string) =>
      fetch(`${w.server.url}/api/admin/attendance/report?${query}`, { headers: { authorization: `Bearer ${hr.accessToken}` } });
    const json = (await (await get('month=2026-11&department=d_sales')).json()) as {
      rows: { name: string; offlineClocks: { date: string; kind: string; clickedAt: number; receivedAt: number }[] }[];
    };
    expect(json.rows.find((r) => r.name === '张伟')!.offlineClocks).toEqual([
      { date: '2026-11-23', kind: 'in', clickedAt: at('2026-11-23T08:55'), receivedAt: at('2026-11-23T10:42') },
    ]);
    const sheets = await readXlsxFile(
      Buffer.from(await (await get('month=2026-11&department=d_sales&format=xlsx')).arrayBuffer()),
    );
    expect(sheets.map((s) => s.sheet)).toEqual(['2026-11', 'Offline clocks']);
    expect(sheets[1]!.data).toEqual([
      ['Name', 'Department', 'Date', 'Clock', 'Clicked at', 'Received at'],
      ['张伟', 'Sales', '2026-11-23', 'in', '2026-11-23 08:55:00', '2026-11-23 10:42:00'],
    ]);
  });
});
