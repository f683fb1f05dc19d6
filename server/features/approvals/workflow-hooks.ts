import type { RequestStatus } from '../../../shared/domain/approvals/request.ts';
import type { WriteTx } from '../../delivery/write-gate.ts';
import type { RequestRecord } from './request-store.ts';

type Values = Readonly<Record<string, string | number>>;

/**
 * How another feature takes part in one template's workflow without approvals knowing it: attendance
 * checks a make-up clock-in when it is submitted and writes the correction when it is approved, and
 * counts a leave's working days on the requester's calendar before the chain is routed on them.
 */
export interface WorkflowHook {
  templateKey: string;
  /**
   * Throws a DomainError when the form is valid but the request cannot be right (a make-up clock in
   * the future); returns the values to store, with computed fields filled in.
   */
  prepare?(submitterId: string, values: Values, now: number): Values;
  /** Runs inside the transaction that settles the request. */
  finished?(tx: WriteTx, request: RequestRecord, status: RequestStatus, now: number, by: string | null): void;
}

export class WorkflowHooks {
  private readonly hooks: WorkflowHook[] = [];

  add(hook: WorkflowHook): void {
    this.hooks.push(hook);
  }

  prepare(templateKey: string, submitterId: string, values: Values, now: number): Values {
    let prepared = values;
    for (const hook of this.hooks) {
      if (hook.templateKey === templateKey && hook.prepare) prepared = hook.prepare(submitterId, prepared, now);
    }
    return prepared;
  }

  finished(tx: WriteTx, request: RequestRecord, status: RequestStatus, now: number, by: string | null): void {
    for (const hook of this.hooks) if (hook.templateKey === request.templateKey) hook.finished?.(tx, request, status, now, by);
  }
}
