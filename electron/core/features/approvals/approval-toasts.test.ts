import { describe, expect, it } from 'vitest';
import type { ApprovalTaskSummary, RequestSummary } from '../../../../shared/domain/approvals/request.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';
import { translatorFor } from '../../i18n/core-i18n.ts';
import { planApprovalToasts } from './approval-toasts.ts';

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const leave = { en: 'Leave', 'zh-CN': '请假' };

const task = (id: string, assignedAt = NOW - 1000): ApprovalTaskSummary => ({
  id,
  requestId: `r_${id}`,
  templateKey: 'leave',
  templateName: leave,
  title: `Trip ${id}`,
  submitter: { id: 'u_zhang_wei', name: '张伟' },
  submittedAt: assignedAt,
  assignedAt,
  stepName: { en: 'Manager', 'zh-CN': '直属上级' },
  via: 'direct',
  onBehalfOf: null,
  remindAt: NOW + 3600_000,
  escalateAt: NOW + 7200_000,
  source: 'portico',
  figure: null,
});
const assigned = (id: string, at?: number): UserEvent => ({ kind: 'approval.assigned', task: task(id, at) });

describe('planApprovalToasts', () => {
  it('offers Approve on a single new task, in the user’s language', () => {
    const [toast, ...rest] = planApprovalToasts([assigned('t1')], NOW, 'zh-CN', translatorFor('zh-CN'));
    expect(rest).toEqual([]);
    expect(toast).toMatchObject({ title: '新审批：请假 · Trip t1', body: '申请人：张伟', taskId: 't1', route: 'approvals/r_t1' });
    expect(toast!.actions.map((a) => a.label)).toEqual(['同意', '查看']);
  });

  it('coalesces several new tasks into one toast without an Approve button', () => {
    const toasts = planApprovalToasts(
      [assigned('a'), assigned('b'), assigned('c'), assigned('d')],
      NOW,
      'en',
      translatorFor('en'),
    );
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ title: '4 new approvals', taskId: null, route: 'approvals' });
    expect(toasts[0]!.body.split('\n')).toHaveLength(3);
  });

  it('stays quiet for old tasks replayed after a long absence and for tasks closed in the same batch', () => {
    const replay = planApprovalToasts([assigned('old', NOW - 13 * 3600_000)], NOW, 'en', translatorFor('en'));
    expect(replay).toEqual([]);
    const closed: UserEvent = {
      kind: 'approval.closed',
      taskId: 'gone',
      done: {
        taskId: 'gone',
        requestId: 'r_gone',
        templateKey: 'leave',
        templateName: leave,
        title: 'x',
        submitter: { id: 'u', name: 'u' },
        outcome: 'decided_by_other',
        decidedBy: null,
        closedAt: NOW,
      },
    };
    expect(planApprovalToasts([assigned('gone'), closed], NOW, 'en', translatorFor('en'))).toEqual([]);
  });

  it('tells a submitter about a decision, and not about progress', () => {
    const request = (status: RequestSummary['status']): UserEvent => ({
      kind: 'approval.request',
      request: {
        id: 'r1',
        templateKey: 'leave',
        templateName: leave,
        title: 'Wedding',
        status,
        submittedAt: NOW - 5000,
        updatedAt: NOW,
        currentStepName: null,
        waitingOn: [],
      },
    });
    expect(planApprovalToasts([request('pending')], NOW, 'en', translatorFor('en'))).toEqual([]);
    expect(planApprovalToasts([request('rejected')], NOW, 'en', translatorFor('en'))[0]).toMatchObject({
      title: 'Your Leave request was rejected',
      body: 'Wedding',
    });
  });

  it('turns reminders and the digest into toasts', () => {
    const toasts = planApprovalToasts(
      [
        { kind: 'approval.reminder', taskId: 't9', requestId: 'r9', title: 'Trip', templateName: leave, escalated: true },
        { kind: 'approval.digest', day: '2026-11-23', count: 2, oldestSubmittedAt: NOW - 3600_000 },
      ],
      NOW,
      'en',
      translatorFor('en'),
    );
    expect(toasts.map((t) => t.title)).toEqual(['Escalated to you: Trip', '2 approvals wait for you today']);
  });
});
