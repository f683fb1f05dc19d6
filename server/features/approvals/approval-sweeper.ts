import type { Clock } from '../../../shared/domain/clock.ts';
import type { DigestStore } from './digest-store.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { ApprovalFlow } from './approval-flow.ts';
import type { OutOfOfficeService } from './out-of-office-service.ts';
import type { OutOfOfficeStore } from './out-of-office-store.ts';
import type { RequestStore } from './request-store.ts';
import type { TaskRecord, TaskStore } from './task-store.ts';

export interface SweepReport {
  reminded: number;
  escalated: number;
  digests: number;
}

/**
 * Time-driven work: out-of-office periods starting and ending, reminders, escalations and the
 * morning digest. It reads the injected clock only, so tests drive it by moving a ManualClock
 * and calling `tick()`; the server calls it on a timer.
 */
export class ApprovalSweeper {
  private readonly deps: {
    digests: DigestStore;
    gate: WriteGate;
    tasks: TaskStore;
    requests: RequestStore;
    outOfOffice: OutOfOfficeStore;
    outOfOfficeService: OutOfOfficeService;
    directory: DirectoryStore;
    flow: ApprovalFlow;
    calendar: WorkCalendar;
    clock: Clock;
  };

  constructor(deps: ApprovalSweeper['deps']) {
    this.deps = deps;
  }

  tick(): SweepReport {
    const now = this.deps.clock.now();
    this.deps.outOfOfficeService.applyDue(now);
    const report: SweepReport = { reminded: 0, escalated: 0, digests: 0 };
    for (const task of this.deps.tasks.dueEscalations(now)) if (this.escalate(task, now)) report.escalated += 1;
    for (const task of this.deps.tasks.dueReminders(now)) {
      this.remind(task, now);
      report.reminded += 1;
    }
    report.digests = this.digest(now);
    return report;
  }

  private remind(task: TaskRecord, now: number): void {
    this.deps.gate.write((tx) => {
      const request = this.deps.requests.get(task.requestId)!;
      this.deps.tasks.markReminded(task.id, now);
      this.deps.flow.record(request.id, now, 'reminded', null, task.assigneeId, null);
      tx.emit([task.assigneeId], {
        kind: 'approval.reminder',
        taskId: task.id,
        requestId: request.id,
        title: request.title,
        templateName: request.template.name,
        escalated: false,
      });
    });
  }

  /** To the approver's proxy if they are away and it is not with them yet, else one leader up from the approver. */
  private escalate(task: TaskRecord, now: number): boolean {
    return this.deps.gate.write((tx) => {
      this.deps.tasks.markEscalated(task.id, now);
      const request = this.deps.requests.get(task.requestId)!;
      const proxy = this.deps.outOfOffice.activeProxy(task.approverId, now);
      const approversManager = this.deps.directory.orgPosition(task.approverId)?.managerId ?? null;
      const holdersManager = this.deps.directory.orgPosition(task.assigneeId)?.managerId ?? null;
      const candidates = [proxy, approversManager, holdersManager].filter(
        (id): id is string => id !== null && id !== task.assigneeId,
      );
      const target = candidates.find((id) => id !== request.submitterId && this.deps.directory.isActiveUser(id));
      if (!target) return false;
      this.deps.flow.reassign(tx, task, target, 'escalated', now, request.template.sla.remindAfterHours);
      this.deps.flow.record(request.id, now, 'escalated', target, task.approverId, null);
      this.deps.flow.announce(tx, request);
      tx.emit([target], {
        kind: 'approval.reminder',
        taskId: task.id,
        requestId: request.id,
        title: request.title,
        templateName: request.template.name,
        escalated: true,
      });
      return true;
    });
  }

  /** Once per workday per person, from the start of work: how many wait and since when. */
  private digest(now: number): number {
    const calendar = this.deps.calendar;
    if (!calendar.isWorkday(now) || now < calendar.dayStart(now)) return 0;
    const day = calendar.localDate(now);
    let sent = 0;
    for (const waiting of this.deps.tasks.waitingCounts()) {
      this.deps.gate.write((tx) => {
        if (!this.deps.digests.claim(waiting.assigneeId, day)) return;
        tx.emit([waiting.assigneeId], {
          kind: 'approval.digest',
          day,
          count: waiting.count,
          oldestSubmittedAt: waiting.oldestSubmittedAt,
        });
        sent += 1;
      });
    }
    return sent;
  }
}
