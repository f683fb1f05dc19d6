import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import type { WireError } from '../../../shared/protocol/errors.ts';
import { type MethodName, type MethodResult, methods } from '../../../shared/protocol/methods.ts';
import type { SignedInSession } from '../session/signed-in-session.ts';

/** What a settled action tells the window beyond "done" (what it created); each feature reads its own result. */
export type DoneDetails = Omit<Extract<ActionOutcome, { status: 'done' }>, 'status'>;

/**
 * Sends an action through the outbox and waits briefly for the server's answer; `describe` reads
 * what the window should know from the feature's own result (the request it created, the verdict).
 */
export type Act = (
  enqueue: (s: SignedInSession) => { actionId: string },
  describe?: (result: unknown) => DoneDetails,
) => Promise<ActionOutcome>;

/**
 * Reads a method's result with its own wire schema and picks what the window needs from it; a result
 * that does not fit (an older server) tells nothing beyond "done".
 */
export function describeResult<M extends MethodName>(method: M, pick: (result: MethodResult<M>) => DoneDetails) {
  return (result: unknown): DoneDetails => {
    const parsed = methods[method].result.safeParse(result);
    return parsed.success ? pick(parsed.data as MethodResult<M>) : {};
  };
}

/** What the renderer is told about an action the server settled: done, with what its feature says it created. */
export function doneOutcome(result: unknown, describe?: (result: unknown) => DoneDetails): ActionOutcome {
  return { status: 'done', ...describe?.(result) };
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
  describe?: (result: unknown) => DoneDetails,
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
      resolve(settled.ok ? doneOutcome(settled.result, describe) : failedOutcome(settled.error));
    };
    s.sync.on('actionSettled', listener);
  });
}
