import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/features/domain-error.ts';
import { type ApprovalWorld, HOUR, MONDAY_10, approvalWorld, id } from './approval-world.ts';
import { login, rawSocket } from './harness.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

/** Runs an action that must be refused, and checks it wrote nothing at all. */
function refusedWithoutTrace(action: () => unknown): DomainError {
  const before = w.footprint();
  const tasksBefore = w.taskState();
  let refusal: unknown = null;
  try {
    action();
  } catch (error) {
    refusal = error;
  }
  expect(refusal, 'the action should have been refused').toBeInstanceOf(DomainError);
  expect(w.footprint()).toEqual(before);
  expect(w.taskState()).toEqual(tasksBefore);
  return refusal as DomainError;
}

function pendingLeave() {
  const { requestId } = w.svc.submit(id('zhang.wei'), w.leave(5));
  const task = w.inbox('wang.fang').find((t) => t.requestId === requestId)!;
  return { requestId, taskId: task.id };
}

describe('every approval action is authorised on the server', () => {
  it('refuses decisions by anyone but the approver, and by the submitter on their own request', () => {
    const { taskId } = pendingLeave();
    for (const who of ['zhou.jie', 'chen.jing', 'huang.min', 'gao.jian', 'li.na']) {
      for (const decision of ['approve', 'reject', 'return'] as const) {
        expect(refusedWithoutTrace(() => w.svc.decide(id(who), { taskId, decision, comment: 'no' })).code).toBe('forbidden');
      }
    }
    expect(
      refusedWithoutTrace(() => w.svc.decide(id('zhang.wei'), { taskId, decision: 'approve', comment: '' })).message,
    ).toMatch(/your own request/);
  });

  it('refuses a task of a step that is not active yet', () => {
    const { requestId, taskId } = pendingLeave();
    // HR's step waits for the manager: HR has no task yet, and cannot use the manager's.
    expect(w.inbox('chen.jing').some((t) => t.requestId === requestId)).toBe(false);
    expect(refusedWithoutTrace(() => w.svc.decide(id('chen.jing'), { taskId, decision: 'approve', comment: '' })).code).toBe(
      'forbidden',
    );
  });

  it('refuses a proxy before their period starts', () => {
    const { taskId } = pendingLeave();
    w.ooo.set(id('wang.fang'), {
      from: MONDAY_10 + 24 * HOUR,
      until: MONDAY_10 + 48 * HOUR,
      proxyId: id('zhao.lei'),
      note: null,
    });
    expect(refusedWithoutTrace(() => w.svc.decide(id('zhao.lei'), { taskId, decision: 'approve', comment: '' })).code).toBe(
      'forbidden',
    );
  });

  it('refuses a second decision and a decision on a task another approver settled', () => {
    const { requestId, taskId } = pendingLeave();
    w.svc.decide(id('wang.fang'), { taskId, decision: 'approve', comment: '' });
    expect(
      refusedWithoutTrace(() => w.svc.decide(id('wang.fang'), { taskId, decision: 'reject', comment: 'changed my mind' })).code,
    ).toBe('conflict');
    const big = w.svc.submit(id('liu.yang'), w.expense(9000));
    w.svc.decide(id('wang.fang'), {
      taskId: w.inbox('wang.fang').find((t) => t.requestId === big.requestId)!.id,
      decision: 'approve',
      comment: '',
    });
    const liNas = w.inbox('li.na').find((t) => t.requestId === big.requestId)!;
    w.svc.decide(id('wu.hao'), {
      taskId: w.inbox('wu.hao').find((t) => t.requestId === big.requestId)!.id,
      decision: 'approve',
      comment: '',
    });
    expect(
      refusedWithoutTrace(() => w.svc.decide(id('li.na'), { taskId: liNas.id, decision: 'reject', comment: 'too late' })).code,
    ).toBe('conflict');
    expect(requestId).toBeTruthy();
  });

  it('requires a reason to reject or return', () => {
    const { taskId } = pendingLeave();
    for (const decision of ['reject', 'return'] as const) {
      const refusal = refusedWithoutTrace(() => w.svc.decide(id('wang.fang'), { taskId, decision, comment: '   ' }));
      expect(refusal.issues).toEqual([{ field: 'comment', code: 'required' }]);
    }
  });

  it('lets only the submitter withdraw, and only before the first decision', () => {
    const { requestId, taskId } = pendingLeave();
    for (const who of ['wang.fang', 'zhou.jie', 'huang.min']) {
      expect(refusedWithoutTrace(() => w.svc.withdraw(id(who), requestId)).code).toBe('not_found');
    }
    w.svc.decide(id('wang.fang'), { taskId, decision: 'approve', comment: '' });
    expect(refusedWithoutTrace(() => w.svc.withdraw(id('zhang.wei'), requestId)).code).toBe('conflict');
    const other = w.svc.submit(id('zhang.wei'), w.leave(1, 'Second'));
    expect(w.svc.withdraw(id('zhang.wei'), other.requestId).status).toBe('withdrawn');
    expect(w.inbox('wang.fang').some((t) => t.requestId === other.requestId)).toBe(false);
  });

  it('shows and takes comments only from people on the request; admins may read', () => {
    const { requestId } = pendingLeave();
    for (const who of ['zhou.jie', 'li.na']) {
      expect(refusedWithoutTrace(() => w.svc.comment(id(who), { requestId, text: 'hi', attachmentIds: [] })).code).toBe(
        'not_found',
      );
      expect(() => w.svc.detail(id(who), requestId)).toThrow(DomainError);
    }
    // HR is in the chain (days > 3), so HR may read and comment before its step starts.
    expect(w.svc.comment(id('chen.jing'), { requestId, text: 'Please attach the booking', attachmentIds: [] })).toEqual({
      requestId,
    });
    expect(w.svc.detail(id('huang.min'), requestId).history.at(-1)).toMatchObject({
      action: 'commented',
      text: 'Please attach the booking',
    });
  });

  it('refuses someone else’s upload as an attachment', () => {
    const upload = w.approvals.attachments.store(id('zhou.jie'), 'receipt.txt', Buffer.from('taxi 45 CNY'), w.clock.now());
    expect(
      refusedWithoutTrace(() => w.svc.submit(id('zhang.wei'), { ...w.leave(1), attachmentIds: [upload.id] })).message,
    ).toMatch(/not an unused upload of yours/);
  });

  it('answers a repeated decide with the same actionId once, over the socket', async () => {
    const { taskId } = pendingLeave();
    const leader = await login(w.server.url, 'wang.fang');
    const socket = await rawSocket(w.server.wsUrl, { authorization: `Bearer ${leader.accessToken}` });
    const frame = JSON.stringify({
      type: 'request',
      id: 'x',
      method: 'approvals.decide',
      actionId: randomUUID(),
      params: { taskId, decision: 'approve' },
    });
    socket.ws.send(frame);
    const first = await socket.next('response');
    const footprint = w.footprint();
    socket.ws.send(frame);
    const second = await socket.next('response');
    socket.ws.close();
    expect(first).toMatchObject({ ok: true, result: { status: 'pending' } });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(w.footprint()).toEqual(footprint);
  });

  it('answers a refused socket request with a code and field issues', async () => {
    const employee = await login(w.server.url, 'zhang.wei');
    const socket = await rawSocket(w.server.wsUrl, { authorization: `Bearer ${employee.accessToken}` });
    socket.ws.send(
      JSON.stringify({
        type: 'request',
        id: 'y',
        method: 'approvals.submit',
        actionId: randomUUID(),
        params: { templateKey: 'expense', values: { category: 'travel', amount: -1, purpose: 'x' } },
      }),
    );
    const answer = await socket.next('response');
    socket.ws.close();
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_params', issues: [{ field: 'amount', code: 'below_min', limit: 0.01 }] },
    });
  });
});
