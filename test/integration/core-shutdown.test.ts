import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, testCore, waitFor } from './harness.ts';

describe('quitting', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('gives queued actions time to reach the server before the cache closes', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const dir = tempDir('core-quit');
    cleanups.push(dir.remove);
    const core = testCore(dir.dir, server.url);
    expect(
      await core.handlers['session.signIn']({ serverUrl: server.url, username: 'wang.fang', password: 'portico-demo' }),
    ).toEqual({ ok: true });
    await waitFor(() => core.connectionView().state === 'online', 5000, 'online');
    const before = server.services.approvals.tasks.pendingFor('u_wang_fang');
    expect(before.length).toBeGreaterThanOrEqual(2);
    // Two decisions queued, and the app quits at once.
    void core.handlers['approvals.decide']({ taskId: before[0]!.id, decision: 'approve', comment: '' });
    void core.handlers['approvals.decide']({ taskId: before[1]!.id, decision: 'return', comment: 'Receipt missing' });
    const { leftInOutbox } = await core.shutdown(3000);
    expect(leftInOutbox).toBe(0);
    const after = server.services.approvals.tasks.pendingFor('u_wang_fang').map((t) => t.id);
    expect(after).not.toContain(before[0]!.id);
    expect(after).not.toContain(before[1]!.id);
  });
});
