import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { ClockOutcome } from '../../../shared/domain/attendance/index.ts';
import type { WireError } from '../../../shared/protocol/errors.ts';
import type { SignedInSession } from '../session/signed-in-session.ts';

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

/** Queues an action; answers with the server's outcome if it comes within `waitMs`, else "queued" (it stays in the outbox). */
export function actOnServer(
  s: SignedInSession | null,
  enqueue: (s: SignedInSession) => { actionId: string },
  waitMs: number,
): Promise<ActionOutcome> {
  if (!s) return Promise.resolve({ status: 'failed', code: 'signed_out', message: 'sign in first' });
  const online = s.sync.state === 'online';
  const { actionId } = enqueue(s);
  if (!online) return Promise.resolve({ status: 'queued' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      s.sync.off('actionSettled', listener);
      resolve({ status: 'queued' });
    }, waitMs);
    const listener = (settled: { actionId: string; ok: boolean; result?: unknown; error?: WireError }) => {
      if (settled.actionId !== actionId) return;
      clearTimeout(timer);
      s.sync.off('actionSettled', listener);
      resolve(settled.ok ? doneOutcome(settled.result) : failedOutcome(settled.error));
    };
    s.sync.on('actionSettled', listener);
  });
}
