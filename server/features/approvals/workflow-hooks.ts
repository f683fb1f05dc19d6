import type { RequestStatus } from '../../../shared/domain/approvals/request.ts';
import type { WriteTx } from '../../store/write-gate.ts';
import type { RequestRecord } from './request-store.ts';

/**
 * How another feature takes part in one template's workflow without approvals knowing it: attendance
 * checks a make-up clock-in when it is submitted and writes the correction when it is approved.
 */
export interface WorkflowHook {
  templateKey: string;
  /** Throws a DomainError when the form is valid but the request cannot be right (a make-up clock in the future). */
  check?(submitterId: string, values: Readonly<Record<string, string | number>>, now: number): void;
  /** Runs inside the transaction that settles the request. */
  finished?(tx: WriteTx, request: RequestRecord, status: RequestStatus, now: number, by: string | null): void;
}

export class WorkflowHooks {
  private readonly hooks: WorkflowHook[] = [];

  add(hook: WorkflowHook): void {
    this.hooks.push(hook);
  }

  check(templateKey: string, submitterId: string, values: Readonly<Record<string, string | number>>, now: number): void {
    for (const hook of this.hooks) if (hook.templateKey === templateKey) hook.check?.(submitterId, values, now);
  }

  finished(tx: WriteTx, request: RequestRecord, status: RequestStatus, now: number, by: string | null): void {
    for (const hook of this.hooks) if (hook.templateKey === request.templateKey) hook.finished?.(tx, request, status, now, by);
  }
}
