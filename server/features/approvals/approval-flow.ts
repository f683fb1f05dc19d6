import { randomUUID } from 'node:crypto';
import type { AttachmentRef, HistoryAction, RequestStatus, TaskOutcome } from '../../../shared/domain/approvals/request.ts';
import type { WriteTx } from '../../delivery/write-gate.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { OutOfOfficeStore } from './out-of-office-store.ts';
import type { RequestRecord, RequestStore, StepRecord } from './request-store.ts';
import type { TaskRecord, TaskStore } from './task-store.ts';
import type { WorkflowHooks } from './workflow-hooks.ts';

/** Called when a request from another system reaches its outcome, inside the same transaction. */
export type DecisionSink = (
  request: RequestRecord,
  status: RequestStatus,
  decidedBy: string | null,
  comment: string | null,
) => void;

export interface FlowDeps {
  requests: RequestStore;
  tasks: TaskStore;
  outOfOffice: OutOfOfficeStore;
  calendar: WorkCalendar;
  onExternalDecision: DecisionSink;
  hooks: WorkflowHooks;
}

/**
 * The request state machine: activating steps, assigning tasks (to a proxy when the approver is
 * away), closing them and finishing the request. Every change emits the events that keep each
 * participant's inbox right; callers hold the write transaction.
 */
export class ApprovalFlow {
  private readonly deps: FlowDeps;
  readonly hooks: WorkflowHooks;

  constructor(deps: FlowDeps) {
    this.deps = deps;
    this.hooks = deps.hooks;
  }

  /** Activates the first step at or after `from` that applies; with none left the request is approved. */
  advance(
    tx: WriteTx,
    request: RequestRecord,
    from: number,
    now: number,
    by: string | null = null,
    comment: string | null = null,
  ): void {
    for (const step of this.deps.requests.steps(request.id)) {
      if (step.index < from || step.status === 'skipped') continue;
      this.deps.requests.setStepStatus(request.id, step.index, 'active');
      this.deps.requests.setStatus(request.id, 'pending', step.index, now);
      for (const approverId of step.approverIds) this.assign(tx, request, step.index, approverId, now);
      this.tellSubmitter(tx, request.id);
      return;
    }
    this.finish(tx, request, 'approved', now, by, comment);
  }

  assign(tx: WriteTx, request: RequestRecord, stepIndex: number, approverId: string, now: number): void {
    const proxy = this.deps.outOfOffice.activeProxy(approverId, now);
    const id = `t_${randomUUID()}`;
    const { sla } = request.template;
    this.deps.tasks.insert({
      id,
      requestId: request.id,
      stepIndex,
      approverId,
      assigneeId: proxy ?? approverId,
      via: proxy ? 'proxy' : 'direct',
      createdAt: now,
      assignedAt: now,
      remindAt: this.deps.calendar.addWorkingHours(now, sla.remindAfterHours),
      escalateAt: this.deps.calendar.addWorkingHours(now, sla.escalateAfterHours),
    });
    if (proxy) this.record(request.id, now, 'delegated', proxy, approverId, null);
    tx.emit([proxy ?? approverId], { kind: 'approval.assigned', task: this.deps.tasks.summary(id)! });
  }

  /** Moves a pending task to someone else; the previous holder sees it leave their inbox. */
  reassign(tx: WriteTx, task: TaskRecord, to: string, via: 'direct' | 'proxy' | 'escalated', now: number, hours: number): void {
    const previous = task.assigneeId;
    this.deps.tasks.reassign(task.id, to, via, now, this.deps.calendar.addWorkingHours(now, hours), task.escalateAt);
    const done = this.deps.tasks.done(task.id)!;
    tx.emit([previous], { kind: 'approval.closed', taskId: task.id, done: { ...done, outcome: 'delegated' } });
    tx.emit([to], { kind: 'approval.assigned', task: this.deps.tasks.summary(task.id)! });
  }

  closeTask(
    tx: WriteTx,
    task: TaskRecord,
    status: 'done' | 'cancelled',
    outcome: TaskOutcome,
    by: string | null,
    now: number,
  ): boolean {
    if (!this.deps.tasks.close(task.id, status, outcome, by, now)) return false;
    const done = this.deps.tasks.done(task.id)!;
    tx.emit(new Set([task.approverId, task.assigneeId]), { kind: 'approval.closed', taskId: task.id, done });
    return true;
  }

  /** Closes every other pending task of the request (or of one step) with the given outcome. */
  closeOthers(tx: WriteTx, requestId: string, outcome: TaskOutcome, now: number, stepIndex?: number): void {
    for (const task of this.deps.tasks.ofRequest(requestId)) {
      if (task.status !== 'pending' || (stepIndex !== undefined && task.stepIndex !== stepIndex)) continue;
      this.closeTask(tx, task, 'cancelled', outcome, null, now);
    }
  }

  finish(
    tx: WriteTx,
    request: RequestRecord,
    status: RequestStatus,
    now: number,
    by: string | null,
    comment: string | null,
  ): void {
    const cascade: TaskOutcome = status === 'withdrawn' ? 'withdrawn' : status === 'cancelled' ? 'cancelled' : 'decided_by_other';
    this.closeOthers(tx, request.id, cascade, now);
    for (const step of this.deps.requests.steps(request.id)) {
      if (step.status === 'waiting' || (step.status === 'active' && status !== 'approved')) {
        this.deps.requests.setStepStatus(request.id, step.index, 'cancelled');
      }
    }
    this.deps.requests.setStatus(request.id, status, null, now);
    this.tellSubmitter(tx, request.id);
    if (request.integrationId && status !== 'cancelled') this.deps.onExternalDecision(request, status, by, comment);
    this.deps.hooks.finished(tx, request, status, now, by);
  }

  record(
    requestId: string,
    at: number,
    action: HistoryAction,
    actorId: string | null,
    onBehalfOf: string | null,
    text: string | null,
    attachments: AttachmentRef[] = [],
  ): void {
    this.deps.requests.addHistory({ id: `h_${randomUUID()}`, requestId, at, action, actorId, onBehalfOf, text, attachments });
  }

  /** Everyone who takes part in a request: they see its detail and hear of its activity. */
  participants(
    request: RequestRecord,
    steps: readonly StepRecord[] = this.deps.requests.steps(request.id),
    tasks: readonly TaskRecord[] = this.deps.tasks.ofRequest(request.id),
  ): Set<string> {
    const ids = new Set<string>();
    if (request.submitterId) ids.add(request.submitterId);
    for (const step of steps) for (const id of step.approverIds) ids.add(id);
    for (const task of tasks) ids.add(task.assigneeId);
    return ids;
  }

  announce(tx: WriteTx, request: RequestRecord): void {
    tx.emit(this.participants(request), { kind: 'approval.activity', requestId: request.id });
  }

  tellSubmitter(tx: WriteTx, requestId: string): void {
    const request = this.deps.requests.get(requestId)!;
    if (!request.submitterId) return;
    tx.emit([request.submitterId], { kind: 'approval.request', request: this.deps.tasks.requestSummary(requestId)! });
  }
}
