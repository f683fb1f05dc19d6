import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../server/features/approvals/builtin-templates.ts';
import { type ApprovalWorld, HOUR, MONDAY_10, approvalWorld, id, refusal } from './approval-world.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

const chainOf = (requestId: string, viewer: string) =>
  w.svc.detail(id(viewer), requestId).chain.map((step) => ({
    step: step.name.en,
    status: step.status,
    approvers: step.approvers.map((a) => a.approver.id),
  }));

describe('routing a request from the organisation', () => {
  it('sends leave to the manager, and on to HR only above the threshold', () => {
    const short = w.svc.submit(id('zhang.wei'), w.leave(2));
    expect(chainOf(short.requestId, 'zhang.wei')).toEqual([
      { step: 'Manager', status: 'active', approvers: [id('wang.fang')] },
      { step: 'HR', status: 'skipped', approvers: [] },
    ]);
    const long = w.svc.submit(id('zhang.wei'), w.leave(5));
    expect(chainOf(long.requestId, 'zhang.wei')[1]).toEqual({ step: 'HR', status: 'waiting', approvers: [id('chen.jing')] });
    expect(w.inbox('wang.fang').map((t) => t.requestId)).toEqual(expect.arrayContaining([short.requestId, long.requestId]));
    expect(w.inbox('chen.jing').map((t) => t.requestId)).not.toContain(long.requestId);
  });

  it('sends an expense over 5,000 on to Finance, where any one finance member decides', () => {
    const small = w.svc.submit(id('liu.yang'), w.expense(5000));
    const big = w.svc.submit(id('liu.yang'), w.expense(5000.01));
    expect(chainOf(small.requestId, 'liu.yang').map((s) => s.status)).toEqual(['active', 'skipped']);
    w.svc.decide(id('wang.fang'), {
      taskId: w.inbox('wang.fang').find((t) => t.requestId === big.requestId)!.id,
      decision: 'approve',
      comment: '',
    });
    const finance = ['li.na', 'wu.hao', 'zheng.xin'];
    for (const member of finance) expect(w.inbox(member).map((t) => t.requestId)).toContain(big.requestId);
    const task = w.inbox('wu.hao').find((t) => t.requestId === big.requestId)!;
    expect(w.svc.decide(id('wu.hao'), { taskId: task.id, decision: 'approve', comment: '' }).status).toBe('approved');
    for (const member of finance) expect(w.inbox(member).map((t) => t.requestId)).not.toContain(big.requestId);
    const closed = w.events('li.na', 'approval.closed').at(-1);
    expect(closed).toMatchObject({ kind: 'approval.closed', done: { outcome: 'decided_by_other' } });
  });

  it('leaves a finance member out of the Finance step of their own expense', () => {
    const own = w.svc.submit(id('wu.hao'), w.expense(8000));
    expect(chainOf(own.requestId, 'wu.hao')).toEqual([
      { step: 'Manager', status: 'active', approvers: [id('li.na')] },
      { step: 'Finance', status: 'waiting', approvers: [id('li.na'), id('zheng.xin')] },
    ]);
  });

  it('routes a department leader’s own request to their manager, not to themselves', () => {
    w.saveTemplate({
      ...builtinTemplates[2]!,
      steps: [{ name: { en: 'Department leader', 'zh-CN': '部门负责人' }, approvers: { kind: 'departmentLeader' }, mode: 'any' }],
    });
    const leaderOwn = w.svc.submit(id('wang.fang'), {
      templateKey: 'overtime',
      values: { date: '2026-11-28', hours: 3, compensation: 'pay', reason: 'Year-end tender' },
      attachmentIds: [],
    });
    expect(chainOf(leaderOwn.requestId, 'wang.fang')[0]!.approvers).toEqual([id('gao.jian')]);
    const member = w.svc.submit(id('sun.li'), {
      templateKey: 'overtime',
      values: { date: '2026-11-28', hours: 3, compensation: 'pay', reason: 'Stand at the fair' },
      attachmentIds: [],
    });
    expect(chainOf(member.requestId, 'sun.li')[0]!.approvers).toEqual([id('wang.fang')]);
  });

  it('moves a step that would fall to the requester alone up to their manager: HR asks for her own make-up clock-in', () => {
    w.clock.set(MONDAY_10 + 2 * HOUR);
    const own = w.svc.submit(id('chen.jing'), {
      templateKey: 'makeup_clock',
      values: { at: '2026-11-23T09:00', kind: 'in', reason: 'Badge reader down' },
      attachmentIds: [],
    });
    const chain = chainOf(own.requestId, 'chen.jing');
    expect(chain[0]).toEqual({ step: 'Manager', status: 'active', approvers: [id('zhao.lei')] });
    // The HR step moved up to the same manager, who approves once for both.
    expect(chain[1]).toMatchObject({ step: 'HR', status: 'skipped', approvers: [id('zhao.lei')] });
    const task = w.inbox('zhao.lei').find((t) => t.requestId === own.requestId)!;
    expect(w.svc.decide(id('zhao.lei'), { taskId: task.id, decision: 'approve', comment: '' }).status).toBe('approved');
  });

  it('moves it on to an admin for someone with no manager', () => {
    w.saveTemplate({
      ...builtinTemplates[2]!,
      steps: [{ name: { en: 'Named', 'zh-CN': '指定' }, approvers: { kind: 'users', userIds: [id('gao.jian')] }, mode: 'any' }],
    });
    const own = w.svc.submit(id('gao.jian'), {
      templateKey: 'overtime',
      values: { date: '2026-11-28', hours: 2, compensation: 'pay', reason: 'Board pack' },
      attachmentIds: [],
    });
    expect(chainOf(own.requestId, 'gao.jian')[0]!.approvers).toEqual([id('huang.min')]);
  });

  it('needs every approver of an all-of step before moving on', () => {
    w.saveTemplate({
      ...builtinTemplates[2]!,
      steps: [
        {
          name: { en: 'Both leaders', 'zh-CN': '双签' },
          approvers: { kind: 'users', userIds: [id('wang.fang'), id('li.na')] },
          mode: 'all',
        },
        { name: { en: 'HR', 'zh-CN': '人事' }, approvers: { kind: 'role', role: 'hr' }, mode: 'any' },
      ],
    });
    const { requestId } = w.svc.submit(id('zhang.wei'), {
      templateKey: 'overtime',
      values: { date: '2026-11-28', hours: 8, compensation: 'pay', reason: 'Inventory count' },
      attachmentIds: [],
    });
    const decideAs = (who: string) =>
      w.svc.decide(id(who), {
        taskId: w.inbox(who).find((t) => t.requestId === requestId)!.id,
        decision: 'approve',
        comment: '',
      });
    decideAs('wang.fang');
    expect(chainOf(requestId, 'zhang.wei').map((s) => s.status)).toEqual(['active', 'waiting']);
    expect(w.inbox('chen.jing').map((t) => t.requestId)).not.toContain(requestId);
    decideAs('li.na');
    expect(chainOf(requestId, 'zhang.wei').map((s) => s.status)).toEqual(['approved', 'active']);
    decideAs('chen.jing');
    expect(w.svc.detail(id('zhang.wei'), requestId).status).toBe('approved');
  });

  it('skips a step whose approvers already approved an earlier one', () => {
    w.saveTemplate({
      ...builtinTemplates[2]!,
      steps: [
        { name: { en: 'Manager', 'zh-CN': '直属上级' }, approvers: { kind: 'manager' }, mode: 'any' },
        { name: { en: 'Department leader', 'zh-CN': '部门负责人' }, approvers: { kind: 'departmentLeader' }, mode: 'any' },
      ],
    });
    const { requestId } = w.svc.submit(id('zhou.jie'), {
      templateKey: 'overtime',
      values: { date: '2026-11-28', hours: 2, compensation: 'pay', reason: 'Deliveries' },
      attachmentIds: [],
    });
    expect(chainOf(requestId, 'zhou.jie').map((s) => s.status)).toEqual(['active', 'skipped']);
  });

  it('refuses a request nobody can approve, with the step named, and writes nothing', () => {
    const before = w.footprint();
    const error = refusal(() => w.svc.submit(id('gao.jian'), w.leave(1)));
    expect(error.code).toBe('no_approver');
    expect(error.details).toEqual({ step: 0, rule: 'manager' });
    expect(error.message).toMatch(/step 1 \(Manager\)/);
    expect(w.footprint()).toEqual(before);
  });

  it('refuses a named approver who has left, and writes nothing', () => {
    w.saveTemplate({
      ...builtinTemplates[2]!,
      steps: [{ name: { en: 'Named', 'zh-CN': '指定' }, approvers: { kind: 'users', userIds: ['u_nobody'] }, mode: 'any' }],
    });
    const before = w.footprint();
    expect(
      refusal(() =>
        w.svc.submit(id('zhang.wei'), {
          templateKey: 'overtime',
          values: { date: '2026-11-28', hours: 1, compensation: 'pay', reason: 'x' },
          attachmentIds: [],
        }),
      ).code,
    ).toBe('no_approver');
    expect(w.footprint()).toEqual(before);
  });

  it('refuses a bad form field by field, in codes the renderer translates', () => {
    const before = w.footprint();
    const error = refusal(() =>
      w.svc.submit(id('zhang.wei'), {
        templateKey: 'leave',
        values: { leaveType: 'holiday', start: '2026-12-05', end: '2026-12-01', days: 0.3, reason: '', extra: 'x' },
        attachmentIds: [],
      }),
    );
    expect(error.code).toBe('invalid_params');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'unknown_field' },
        { field: 'leaveType', code: 'not_an_option' },
        { field: 'days', code: 'below_min', limit: 0.5 },
        { field: 'reason', code: 'required' },
        { field: 'end', code: 'before_other', limit: 'start' },
      ]),
    );
    expect(w.footprint()).toEqual(before);
  });

  it('keeps the chain it resolved when the organisation changes later', () => {
    const { requestId } = w.svc.submit(id('zhang.wei'), w.leave(1));
    w.sql('UPDATE users SET manager_id = ?, department_id = ? WHERE id = ?', id('li.na'), 'd_finance', id('zhang.wei'));
    const later = w.svc.submit(id('zhang.wei'), w.leave(1));
    expect(chainOf(later.requestId, 'zhang.wei')[0]!.approvers).toEqual([id('li.na')]);
    expect(chainOf(requestId, 'zhang.wei')[0]!.approvers).toEqual([id('wang.fang')]);
  });
});
