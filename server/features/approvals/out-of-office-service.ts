import type { OutOfOffice } from '../../../shared/domain/approvals/request.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { WriteGate, WriteTx } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { ApprovalFlow } from './approval-flow.ts';
import type { OutOfOfficeRecord, OutOfOfficeStore } from './out-of-office-store.ts';
import type { RequestStore } from './request-store.ts';
import type { TaskStore } from './task-store.ts';

const MAX_PERIOD_MS = 180 * 24 * 3600_000;

/**
 * A leader away names a proxy. While the period runs, their pending and new tasks sit with the
 * proxy ("on behalf of"); when it ends, whatever is still open comes back to them.
 */
export class OutOfOfficeService {
  private readonly gate: WriteGate;
  private readonly store: OutOfOfficeStore;
  private readonly tasks: TaskStore;
  private readonly requests: RequestStore;
  private readonly directory: DirectoryStore;
  private readonly flow: ApprovalFlow;
  private readonly clock: Clock;

  constructor(deps: {
    gate: WriteGate;
    store: OutOfOfficeStore;
    tasks: TaskStore;
    requests: RequestStore;
    directory: DirectoryStore;
    flow: ApprovalFlow;
    clock: Clock;
  }) {
    this.gate = deps.gate;
    this.store = deps.store;
    this.tasks = deps.tasks;
    this.requests = deps.requests;
    this.directory = deps.directory;
    this.flow = deps.flow;
    this.clock = deps.clock;
  }

  view(userId: string): OutOfOffice | null {
    const record = this.store.get(userId);
    if (!record) return null;
    const name = this.directory.names([record.proxyId]).get(record.proxyId) ?? record.proxyId;
    return { from: record.startsAt, until: record.endsAt, proxy: { id: record.proxyId, name }, note: record.note };
  }

  set(userId: string, input: { from: number; until: number; proxyId: string; note: string | null }): OutOfOffice {
    const now = this.clock.now();
    if (input.until <= input.from)
      throw new DomainError('invalid_params', 'the period must end after it starts', undefined, [
        { field: 'until', code: 'before_other', limit: 'from' },
      ]);
    if (input.until <= now)
      throw new DomainError('invalid_params', 'the period is already over', undefined, [{ field: 'until', code: 'below_min' }]);
    if (input.until - input.from > MAX_PERIOD_MS)
      throw new DomainError('invalid_params', 'a period is at most 180 days', undefined, [
        { field: 'until', code: 'above_max', limit: 180 },
      ]);
    if (input.proxyId === userId)
      throw new DomainError('invalid_params', 'you cannot be your own proxy', undefined, [
        { field: 'proxyId', code: 'not_an_option' },
      ]);
    if (!this.directory.isActiveUser(input.proxyId))
      throw new DomainError('invalid_params', `no active user ${input.proxyId}`, undefined, [
        { field: 'proxyId', code: 'not_an_option' },
      ]);
    return this.gate.write((tx) => {
      this.returnTasks(tx, userId, now);
      this.store.save({ userId, startsAt: input.from, endsAt: input.until, proxyId: input.proxyId, note: input.note });
      const record = this.store.get(userId)!;
      if (record.startsAt <= now) this.routeToProxy(tx, record, now);
      const view = this.view(userId)!;
      tx.emit([userId], { kind: 'approval.outOfOffice', outOfOffice: view });
      return view;
    });
  }

  clear(userId: string): { cleared: boolean } {
    return this.gate.write((tx) => {
      if (!this.store.get(userId)) return { cleared: false };
      this.end(tx, userId, this.clock.now());
      return { cleared: true };
    });
  }

  /** Called by the sweeper: periods that started or ended since the last tick. */
  applyDue(now: number): void {
    for (const record of this.store.dueStarts(now)) this.gate.write((tx) => this.routeToProxy(tx, record, now));
    for (const record of this.store.dueEnds(now)) this.gate.write((tx) => this.end(tx, record.userId, now));
  }

  private end(tx: WriteTx, userId: string, now: number): void {
    this.returnTasks(tx, userId, now);
    this.store.remove(userId);
    tx.emit([userId], { kind: 'approval.outOfOffice', outOfOffice: null });
  }

  private routeToProxy(tx: WriteTx, record: OutOfOfficeRecord, now: number): void {
    for (const task of this.tasks.ownPendingHeldBy(record.userId)) {
      const request = this.requests.get(task.requestId)!;
      // A proxy never decides their own request: that task stays with the leader.
      if (request.submitterId === record.proxyId) continue;
      this.flow.reassign(tx, task, record.proxyId, 'proxy', now, request.template.sla.remindAfterHours);
      this.flow.record(request.id, now, 'delegated', record.proxyId, record.userId, null);
      this.flow.announce(tx, request);
    }
    this.store.markRouted(record.userId);
  }

  private returnTasks(tx: WriteTx, userId: string, now: number): void {
    for (const task of this.tasks.heldByProxyFor(userId)) {
      const request = this.requests.get(task.requestId)!;
      this.flow.reassign(tx, task, userId, 'direct', now, request.template.sla.remindAfterHours);
    }
  }
}
