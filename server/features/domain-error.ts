import type { FieldIssue } from '../../shared/domain/approvals/form.ts';
import type { ErrorCode } from '../../shared/protocol/errors.ts';

export type ErrorDetails = Record<string, string | number>;

/** A refusal the client can show: thrown by services, answered as an error frame or HTTP status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails, issues?: FieldIssue[]) {
    super(message);
    this.code = code;
    this.details = details;
    this.issues = issues;
  }
}
