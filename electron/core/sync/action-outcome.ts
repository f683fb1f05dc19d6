import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { ClockOutcome } from '../../../shared/domain/attendance/index.ts';
import type { WireError } from '../../../shared/protocol/errors.ts';

/** What the renderer is told about an action the server settled: what it created, or why it refused. */
export function doneOutcome(result: unknown): ActionOutcome {
  const requestId = (result as { requestId?: unknown } | undefined)?.requestId;
  const noticeId = (result as { noticeId?: unknown } | undefined)?.noticeId;
  const conversationId = (result as { conversationId?: unknown } | undefined)?.conversationId;
  const clock = ClockOutcome.safeParse(result);
  return {
    status: 'done',
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof noticeId === 'string' ? { noticeId } : {}),
    ...(typeof conversationId === 'string' ? { conversationId } : {}),
    ...(clock.success ? { clock: clock.data } : {}),
  };
}

export function failedOutcome(error: WireError | undefined): ActionOutcome {
  return {
    status: 'failed',
    code: error?.code ?? 'internal',
    message: error?.message ?? '',
    ...(error?.details ? { details: error.details } : {}),
    ...(error?.issues ? { issues: error.issues } : {}),
  };
}
