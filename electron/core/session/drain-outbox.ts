import type { SignedInSession } from './signed-in-session.ts';

/**
 * Gives queued actions up to `timeoutMs` to reach the server while connected; resolves with how
 * many are left (they stay in the SQLite outbox for next time).
 */
export async function drainOutbox(session: SignedInSession | null, timeoutMs: number): Promise<number> {
  const s = session;
  if (s && s.sync.state === 'online' && s.outbox.size() > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        s!.sync.off('outboxChanged', onChange);
        resolve();
      }
      const onChange = (size: number) => size === 0 && done();
      s.sync.on('outboxChanged', onChange);
    });
  }
  return s ? s.outbox.size() : 0;
}
