import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DomainError } from '../features/domain-error.ts';
import { HttpProblem, sendJson } from './http-kit.ts';

const STATUS: Record<string, number> = {
  forbidden: 403,
  not_found: 404,
  invalid_params: 400,
  conflict: 409,
  no_approver: 422,
  too_large: 413,
  unsupported_type: 415,
  network_not_allowed: 403,
  too_soon: 429,
  note_required: 400,
};

/** Answers a failed HTTP request: a problem or a domain refusal as its status and code, anything else as a logged 500. */
export function sendHttpError(res: ServerResponse, error: unknown, logger: Logger, path: string): void {
  if (res.headersSent || isClientGone(error)) return void res.destroy();
  if (error instanceof HttpProblem)
    return sendJson(res, error.status, { error: { code: error.code, message: error.message, ...error.extra } });
  if (error instanceof DomainError)
    return sendJson(res, STATUS[error.code] ?? 400, {
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    });
  logger.error({ err: error, path }, 'http request failed');
  sendJson(res, 500, { error: { code: 'internal', message: 'the server failed; it has been logged' } });
}

/** The client closed the connection mid-request (an aborted upload, a dropped link): nothing to answer, nothing to log. */
function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error instanceof Error && error.message === 'aborted')
  );
}
