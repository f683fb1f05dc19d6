import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { type ApprovalWorld, HOUR, MONDAY_10, approvalWorld, id } from './approval-world.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

const shanghai = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toMillis();
const taskFor = (who: string, requestId: string) => w.inbox(who).find((t) => t.requestId === requestId);

describe('out of office with a proxy', () => {
  it('moves pending and new tasks to the proxy during the period and back after it', () => {
    const before = w.svc.submit(id('zhang.wei'), w.leave(1, 'Before the trip'));
    w.ooo.set(id('wang.fang'), {
      from: MONDAY_10 + HOUR,
      until: MONDAY_10 + 49 * HOUR,
      proxyId: id('zhao.lei'),
      note: 'Trade fair',
    });
    expect(taskFor('wang.fang', before.requestId)).toBeDefined();

    w.clock.advance(HOUR);
    w.sweeper.tick();
    const moved = taskFor('zhao.lei', before.requestId)!;
    expect(moved).toMatchObject({ via: 'proxy', onBehalfOf: { id: id('wang.fang') } });
    expect(taskFor('wang.fang', before.requestId)).toBeUndefined();

    const during = w.svc.submit(id('liu.yang'), w.expense(300));
    expect(taskFor('zhao.lei', during.requestId)).toMatchObject({ via: 'proxy' });
    w.svc.decide(id('zhao.lei'), { taskId: moved.id, decision: 'approve', comment: 'OK on behalf of Wang Fang' });

    const history = w.svc.detail(id('zhang.wei'), before.requestId).history;
    expect(history.find((h) => h.action === 'approved')).toMatchObject({
      actor: { id: id('zhao.lei') },
      onBehalfOf: { id: id('wang.fang') },
    });
    expect(history.some((h) => h.action === 'delegated')).toBe(true);

    // The leader is back: what is still open comes home; what the proxy decided shows in the leader's done list.
    w.clock.set(MONDAY_10 + 49 * HOUR);
    w.sweeper.tick();
    expect(taskFor('wang.fang', during.requestId)).toMatchObject({ via: 'direct', onBehalfOf: null });
    expect(taskFor('zhao.lei', during.requestId)).toBeUndefined();
    const leadersDone = w.approvals.tasks.doneFor(id('wang.fang'), 50);
    expect(leadersDone.find((d) => d.requestId === before.requestId)).toMatchObject({
      outcome: 'approved',
      decidedBy: { id: id('zhao.lei') },
    });
    expect(w.events('wang.fang', 'approval.outOfOffice').at(-1)).toEqual({ kind: 'approval.outOfOffice', outOfOffice: null });
  });

  it('refuses a proxy once the period is over, even before the sweeper hands the task back', () => {
    const { requestId } = w.svc.submit(id('zhang.wei'), w.leave(1));
    w.ooo.set(id('wang.fang'), { from: MONDAY_10, until: MONDAY_10 + 2 * HOUR, proxyId: id('zhao.lei'), note: null });
    const task = taskFor('zhao.lei', requestId)!;
    w.clock.advance(2 * HOUR);
    const before = w.footprint();
    expect(() => w.svc.decide(id('zhao.lei'), { taskId: task.id, decision: 'approve', comment: '' })).toThrow(/not yours/);
    expect(w.footprint()).toEqual(before);
    // The leader can still decide their own task while it sits with the proxy.
    expect(w.svc.decide(id('wang.fang'), { taskId: task.id, decision: 'approve', comment: '' }).status).toBe('approved');
  });

  it('keeps a task with the leader when the proxy is the one who asked', () => {
    const own = w.svc.submit(id('zhou.jie'), w.leave(1));
    w.ooo.set(id('wang.fang'), { from: MONDAY_10, until: MONDAY_10 + 10 * HOUR, proxyId: id('zhou.jie'), note: null });
    expect(taskFor('wang.fang', own.requestId)).toBeDefined();
    expect(taskFor('zhou.jie', own.requestId)).toBeUndefined();
  });

  it('validates the period and the proxy', () => {
    const set = (input: Partial<{ from: number; until: number; proxyId: string }>) =>
      w.ooo.set(id('wang.fang'), { from: MONDAY_10, until: MONDAY_10 + HOUR, proxyId: id('zhao.lei'), note: null, ...input });
    expect(() => set({ until: MONDAY_10 - HOUR })).toThrow(/end after/);
    expect(() => set({ from: MONDAY_10 - 5 * HOUR, until: MONDAY_10 - HOUR })).toThrow(/already over/);
    expect(() => set({ proxyId: id('wang.fang') })).toThrow(/own proxy/);
    expect(() => set({ proxyId: 'u_ghost' })).toThrow(/no active user/);
    expect(() => set({ until: MONDAY_10 + 200 * 24 * HOUR })).toThrow(/180 days/);
  });
});

describe('reminders, escalation and the morning digest', () => {
  it('reminds after the working hours of the template, then escalates one leader up', () => {
    // Leave: remind after 4 working hours, escalate after 16. Submitted Friday 16:00.
    w.clock.set(shanghai('2026-11-27T16:00'));
    const { requestId } = w.svc.submit(id('zhang.wei'), w.leave(1));
    const task = taskFor('wang.fang', requestId)!;
    expect(DateTime.fromMillis(task.remindAt, { zone: 'Asia/Shanghai' }).toFormat('ccc HH:mm')).toBe('Mon 11:00');

    w.clock.set(shanghai('2026-11-30T10:59'));
    expect(w.sweeper.tick().reminded).toBe(0);
    w.clock.set(shanghai('2026-11-30T11:00'));
    expect(w.sweeper.tick()).toMatchObject({ reminded: 1, escalated: 0 });
    expect(w.events('wang.fang', 'approval.reminder').at(-1)).toMatchObject({ taskId: task.id, escalated: false });
    expect(w.sweeper.tick().reminded).toBe(0);

    // 16 working hours: Friday 2 h + Monday 9 h + Tuesday 5 h → Tuesday 14:00.
    w.clock.set(shanghai('2026-12-01T13:59'));
    expect(w.sweeper.tick().escalated).toBe(0);
    w.clock.set(shanghai('2026-12-01T14:00'));
    expect(w.sweeper.tick().escalated).toBe(1);
    expect(taskFor('gao.jian', requestId)).toMatchObject({ via: 'escalated', onBehalfOf: { id: id('wang.fang') } });
    expect(w.events('gao.jian', 'approval.reminder').at(-1)).toMatchObject({ escalated: true });
    expect(w.svc.decide(id('gao.jian'), { taskId: task.id, decision: 'approve', comment: '' }).status).toBe('approved');
  });

  it('escalates a task the proxy let wait one leader up from the absent approver', () => {
    const { requestId } = w.svc.submit(id('zhang.wei'), w.leave(1));
    const task = taskFor('wang.fang', requestId)!;
    w.ooo.set(id('wang.fang'), {
      from: shanghai('2026-11-23T12:00'),
      until: shanghai('2026-12-04T09:00'),
      proxyId: id('zhao.lei'),
      note: null,
    });
    w.clock.set(shanghai('2026-11-23T12:00'));
    w.sweeper.tick();
    expect(w.approvals.tasks.get(task.id)).toMatchObject({ assigneeId: id('zhao.lei'), via: 'proxy' });
    // Due Tuesday 17:00 (16 working hours from Monday 10:00).
    w.clock.set(shanghai('2026-11-24T17:00'));
    expect(w.sweeper.tick().escalated).toBeGreaterThanOrEqual(1);
    expect(w.approvals.tasks.get(task.id)).toMatchObject({ assigneeId: id('gao.jian'), via: 'escalated' });
    expect(w.svc.detail(id('zhang.wei'), requestId).history.map((h) => h.action)).toEqual([
      'submitted',
      'delegated',
      'escalated',
    ]);
  });

  it('sends one digest per person on a workday morning, none on a weekend', () => {
    w.clock.set(shanghai('2026-11-28T09:30'));
    expect(w.sweeper.tick().digests).toBe(0);
    w.clock.set(shanghai('2026-11-30T08:30'));
    w.svc.submit(id('zhang.wei'), w.leave(1, 'Dentist'));
    w.clock.set(shanghai('2026-11-30T08:59'));
    expect(w.sweeper.tick().digests).toBe(0);
    w.clock.set(shanghai('2026-11-30T09:00'));
    const sent = w.sweeper.tick().digests;
    expect(sent).toBeGreaterThan(0);
    expect(w.sweeper.tick().digests).toBe(0);
    const digest = w.events('wang.fang', 'approval.digest').at(-1);
    expect(w.inbox('wang.fang').length).toBeGreaterThan(0);
    expect(digest).toMatchObject({ day: '2026-11-30', count: w.inbox('wang.fang').length });
  });
});
