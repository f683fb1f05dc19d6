import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { demoUsers } from '../../server/demo/demo-organisation.ts';
import { DomainError } from '../../server/features/domain-error.ts';
import { id } from './approval-world.ts';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { login } from './harness.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(start?: number): Promise<AttendanceWorld> {
  const w = await attendanceWorld(start);
  cleanups.push(() => w.close());
  return w;
}

/** Approves every step of a request, whoever holds it. */
function approveAll(w: AttendanceWorld, requestId: string): void {
  for (let round = 0; round < 10; round += 1) {
    const holder = demoUsers.find((u) => w.inbox(u.username).some((t) => t.requestId === requestId));
    if (!holder) return;
    const task = w.inbox(holder.username).find((t) => t.requestId === requestId)!;
    w.svc.decide(holder.id, { taskId: task.id, decision: 'approve', comment: '' });
  }
}

const makeup = (when: string, kind: 'in' | 'out', reason = 'Forgot to clock in') => ({
  templateKey: 'makeup_clock',
  values: { at: when, kind, reason },
  attachmentIds: [],
});

describe('make-up clock-in through the approvals workflow', () => {
  it('corrects the day on approval, keeps the original records and audits before and after', async () => {
    const w = await world();
    w.clockAt('zhang.wei', 'out', '2026-11-16T18:04');
    w.clock.set(at('2026-11-23T10:00'));
    expect(w.day('zhang.wei', '2026-11-16')).toMatchObject({ status: 'missing_in' });

    const { requestId } = w.svc.submit(id('zhang.wei'), makeup('2026-11-16T08:55', 'in'));
    expect(w.day('zhang.wei', '2026-11-16').status).toBe('missing_in'); // nothing changes before approval
    approveAll(w, requestId);
    expect(w.svc.detail(id('zhang.wei'), requestId).status).toBe('approved');

    const month = w.attendance.service.month(id('zhang.wei'), '2026-11');
    const day16 = month.days.find((d) => d.date === '2026-11-16')!;
    expect(day16).toMatchObject({
      status: 'corrected',
      corrected: true,
      firstIn: at('2026-11-16T08:55'),
      lastOut: at('2026-11-16T18:04'),
    });
    expect(month.totals.corrected).toBe(1);
    expect(month.records.filter((r) => r.date === '2026-11-16').map((r) => [r.kind, r.source])).toEqual([
      ['in', 'correction'],
      ['out', 'online'],
    ]);
    const audit = w.attendance.clocks.auditOf(id('zhang.wei'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      date: '2026-11-16',
      action: 'corrected',
      requestId,
      actorId: expect.any(String),
      before: { status: 'missing_in', firstIn: null },
      after: { status: 'corrected', firstIn: at('2026-11-16T08:55') },
    });
    expect(w.events('zhang.wei', 'attendance.clocked').at(-1)).toMatchObject({ record: { source: 'correction' } });
  });

  it('writes nothing when the request is rejected or withdrawn', async () => {
    const w = await world(at('2026-11-23T10:00'));
    const { requestId } = w.svc.submit(id('liu.yang'), makeup('2026-11-20T08:58', 'in'));
    const task = w.inbox('wang.fang').find((t) => t.requestId === requestId)!;
    w.svc.decide(id('wang.fang'), { taskId: task.id, decision: 'reject', comment: 'You were at the client all morning' });
    expect(w.day('liu.yang', '2026-11-20').status).toBe('absent');
    expect(w.attendance.clocks.auditOf(id('liu.yang'))).toEqual([]);
  });

  it('refuses a make-up time in the future or older than 31 days, naming the field', async () => {
    const w = await world(at('2026-11-23T10:00'));
    const before = w.footprint();
    const issueOf = (values: ReturnType<typeof makeup>) => {
      try {
        w.svc.submit(id('liu.yang'), values);
      } catch (error) {
        if (error instanceof DomainError) return error.issues;
        throw error;
      }
      return undefined;
    };
    expect(issueOf(makeup('2026-11-23T11:00', 'in'))).toEqual([{ field: 'at', code: 'in_future' }]);
    expect(issueOf(makeup('2026-10-20T09:00', 'in'))).toEqual([{ field: 'at', code: 'too_old', limit: 31 }]);
    expect(w.footprint()).toEqual(before);
  });
});

/** November 2026 for Sales: 21 workdays (2nd to 30th), judged on the 30th at noon. */
async function salesNovember(): Promise<AttendanceWorld> {
  const w = await world(at('2026-11-02T08:00'));
  const workdays = Array.from({ length: 26 }, (_, i) => `2026-11-${String(i + 2).padStart(2, '0')}`).filter((d) => {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  });
  w.clock.set(at('2026-11-10T10:00'));
  const leave = w.svc.submit(id('sun.li'), {
    templateKey: 'leave',
    values: { leaveType: 'sick', start: '2026-11-18', end: '2026-11-19', days: 2, reason: 'Flu' },
    attachmentIds: [],
  });
  approveAll(w, leave.requestId);
  for (const date of workdays) {
    w.clockAt('zhang.wei', 'in', `${date}T08:55`);
    w.clockAt('zhang.wei', 'out', `${date}T18:05`);
    const late = date === '2026-11-03' ? '09:10' : date === '2026-11-10' ? '09:25' : '08:59';
    if (date !== '2026-11-16') w.clockAt('liu.yang', 'in', `${date}T${late}`);
    w.clockAt('liu.yang', 'out', `${date}T18:00`);
    if (date !== '2026-11-18' && date !== '2026-11-19') {
      w.clockAt('sun.li', 'in', `${date}T08:45`);
      w.clockAt('sun.li', 'out', `${date}T${date === '2026-11-27' ? '17:30' : '18:00'}`);
    }
  }
  w.clock.set(at('2026-11-30T12:00'));
  return w;
}

describe('HR month report and exports', () => {
  it('counts each person’s month by the rules and exports the same figures as XLSX, parsed back', async () => {
    const w = await salesNovember();
    const hr = await login(w.server.url, 'chen.jing');
    const get = (query: string, token = hr.accessToken) =>
      fetch(`${w.server.url}/api/admin/attendance/report?${query}`, { headers: { authorization: `Bearer ${token}` } });

    const json = (await (await get('month=2026-11&department=d_sales')).json()) as {
      rows: { name: string; totals: Record<string, number> }[];
    };
    const byName = Object.fromEntries(json.rows.map((r) => [r.name, r.totals]));
    expect(Object.keys(byName).sort()).toEqual(['刘洋', '周杰', '孙丽', '张伟', '王芳'].sort());
    expect(byName['张伟']).toMatchObject({ workdays: 21, onTime: 20, late: 0, absent: 0, workedMinutes: 20 * 490 }); // 08:55–18:05 less lunch
    expect(byName['刘洋']).toMatchObject({ late: 2, lateMinutes: 35, missing: 1, onTime: 17 });
    expect(byName['孙丽']).toMatchObject({ onLeave: 2, early: 1, onTime: 17 });
    expect(byName['周杰']).toMatchObject({ absent: 20, onTime: 0 });

    const xlsx = await get('month=2026-11&department=d_sales&format=xlsx&lang=zh-CN');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="attendance-2026-11-d_sales.xlsx"');
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets[0]!.sheet).toBe('2026-11');
    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual([
      '姓名',
      '部门',
      '应出勤天数',
      '正常',
      '迟到',
      '迟到分钟',
      '早退',
      '旷工',
      '缺卡',
      '请假',
      '补卡',
      '工作时长(小时)',
    ]);
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    expect(row('刘洋')).toEqual(['刘洋', 'Sales', 21, 17, 2, 35, 0, 0, 1, 0, 0, expect.any(Number)]);
    expect(row('张伟').slice(2)).toEqual([21, 20, 0, 0, 0, 0, 0, 0, 0, 163.3]);
    expect(row('周杰').slice(2, 8)).toEqual([21, 0, 0, 0, 0, 20]);
    expect(rows).toHaveLength(5);
  });

  it('exports CSV with a byte-order mark for Excel, and keeps formula-looking names inert', async () => {
    const w = await salesNovember();
    w.sql("UPDATE users SET display_name = '=HYPERLINK(\"http://x\")' WHERE username = 'zhou.jie'");
    const hr = await login(w.server.url, 'chen.jing');
    const res = await fetch(`${w.server.url}/api/admin/attendance/report?month=2026-11&department=d_sales&format=csv`, {
      headers: { authorization: `Bearer ${hr.accessToken}` },
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'Name,Department,Workdays,On time,Late,Late minutes,Left early,Absent,Missing clocks,On leave,Corrected,Hours worked',
    );
    expect(lines.find((l) => l.startsWith('刘洋'))).toBe('刘洋,Sales,21,17,2,35,0,0,1,0,0,151.7');
    expect(lines.some((l) => l.startsWith('"\'=HYPERLINK'))).toBe(true);
  });

  it('is for HR and admins only, and says what is wrong with a bad query', async () => {
    const w = await world();
    const employee = await login(w.server.url, 'zhang.wei');
    const hr = await login(w.server.url, 'chen.jing');
    const get = (query: string, token: string) =>
      fetch(`${w.server.url}/api/admin/attendance/report?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('month=2026-11', employee.accessToken)).status).toBe(403);
    const bad = await get('month=2026-13&format=pdf', hr.accessToken);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string } };
    expect(body.error.message).toContain('month');
    expect(body.error.message).toContain('format');
  });
});

describe('rules as data', () => {
  it('validates networks exactly, applies a department override to its members only, and falls back when it is removed', async () => {
    const w = await world(at('2026-11-23T10:00'));
    const admin = await login(w.server.url, 'huang.min');
    const put = (body: object) =>
      fetch(`${w.server.url}/api/admin/attendance/rules`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
        body: JSON.stringify(body),
      });
    const base = (await (
      await fetch(`${w.server.url}/api/admin/attendance/rules`, { headers: { authorization: `Bearer ${admin.accessToken}` } })
    ).json()) as {
      rules: object[];
    };
    expect(base.rules).toHaveLength(1);
    const badNetwork = await put({ ...base.rules[0], networks: ['10.0.0.300/8'] });
    expect(badNetwork.status).toBe(400);
    expect(((await badNetwork.json()) as { error: { message: string } }).error.message).toContain('10.0.0.300/8');
    const badZone = await put({ ...base.rules[0], timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);

    const night = { ...base.rules[0], departmentId: 'd_finance', start: '22:00', end: '06:00' };
    expect((await put(night)).status).toBe(200);
    expect(w.attendance.book.ruleFor(id('ma.lin'))).toMatchObject({ start: '22:00' });
    expect(w.attendance.book.ruleFor(id('zhang.wei'))).toMatchObject({ start: '09:00' });
    w.clockAt('ma.lin', 'in', '2026-11-23T21:58');
    w.clockAt('ma.lin', 'out', '2026-11-24T06:02');
    expect(w.day('ma.lin', '2026-11-23')).toMatchObject({ status: 'on_time', workedMinutes: 484 });

    const again = await login(w.server.url, 'huang.min'); // the manual clock has moved past the token's life
    const removed = await fetch(`${w.server.url}/api/admin/attendance/rules/d_finance`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${again.accessToken}` },
    });
    expect(removed.status).toBe(200);
    expect(w.attendance.book.ruleFor(id('ma.lin'))).toMatchObject({ start: '09:00' });
  });
});
