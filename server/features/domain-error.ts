import type { ErrorCode } from '../../shared/protocol/errors.ts';

/** A refusal the client can show: thrown by services, answered as an error frame or HTTP status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
