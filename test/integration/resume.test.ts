import { NoticeDraft } from '../../shared/domain/notices/index.ts';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { login, startTestServer, syncClientFor, tempDir, waitFor } from './harness.ts';

describe('resume after a dropped socket', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('holds all 1,000 events emitted while it was disconnected, in order, each applied once', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const tmp = tempDir('client');
    cleanups.push(tmp.remove);
    const user = await login(server.url, 'zhang.wei');
    const publisher = server.services.directory.profile('u_chen_jing')!;
    const { client, cache, appliedSeqs } = syncClientFor(() => server.url, user, path.join(tmp.dir, 'cache.sqlite'));
    cleanups.push(() => client.stop());

    client.start();
    await waitFor(() => client.state === 'online', 5000, 'first sync');
    const startSeq = cache.position().appliedSeq;
    const noticesBefore = cache.notices.list(Date.now(), { limit: 10_000 }).length;

    const emit = (i: number) =>
      server.services.notices.publish(
        publisher.id,
        NoticeDraft.parse({
          title: `Event ${i}`,
          body: '',
          priority: 'normal',
          requiresAck: false,
          audience: { everyone: false, departmentIds: [], roles: [], userIds: [user.user.id] },
        }),
      );
    // The socket drops at 150 and comes back at 700; the server keeps emitting throughout.
    for (let i = 1; i <= 1000; i++) {
      if (i === 150) client.stop();
      if (i === 700) client.start();
      await emit(i);
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await server.services.noticesModule.fanout.drained();
    const head = server.services.log.position(user.user.id).head;
    expect(head).toBe(startSeq + 1000);
    await waitFor(() => cache.position().appliedSeq === head, 10_000, 'catch-up to the head');

    const expected = Array.from({ length: 1000 }, (_, i) => startSeq + 1 + i);
    expect(appliedSeqs).toEqual(expected);
    const titles = cache.notices
      .list(10_000)
      .filter((n) => n.title.startsWith('Event '))
      .map((n) => Number(n.title.slice(6)))
      .sort((a, b) => a - b);
    expect(titles).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(cache.notices.list(Date.now(), { limit: 10_000 }).length).toBe(noticesBefore + 1000);
  });

  it('takes a snapshot (resync) when its position is older than retention, then follows live', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const tmp = tempDir('client');
    cleanups.push(tmp.remove);
    const user = await login(server.url, 'sun.li');
    const first = syncClientFor(() => server.url, user, path.join(tmp.dir, 'cache.sqlite'));
    first.client.start();
    await waitFor(() => first.client.state === 'online', 5000, 'first sync');
    first.client.stop();
    const drained = () => server.services.noticesModule.fanout.drained();
    const publish = (title: string) =>
      server.services.notices.publish(
        'u_chen_jing',
        NoticeDraft.parse({
          title,
          body: '',
          priority: 'urgent',
          requiresAck: true,
          audience: { everyone: false, departmentIds: [], roles: [], userIds: [user.user.id] },
        }),
      );
    // An event the client never saw ages out of the log while it is away: it cannot be replayed.
    await publish('Missed and pruned');
    await drained();
    expect(server.services.log.prune(-1)).toBeGreaterThan(0);
    expect(server.services.log.position(user.user.id).floor).toBeGreaterThan(first.cache.position().appliedSeq);
    await server.services.notices.publish(
      'u_chen_jing',
      NoticeDraft.parse({
        title: 'After retention',
        body: '',
        priority: 'urgent',
        requiresAck: true,
        audience: { everyone: false, departmentIds: [], roles: [], userIds: [user.user.id] },
      }),
    );
    await drained();
    let resynced = 0;
    first.client.on('resynced', () => resynced++);
    first.client.start();
    cleanups.push(() => first.client.stop());
    await waitFor(() => first.client.state === 'online', 5000, 'resync');
    expect(resynced).toBe(1);
    const titles = first.cache.notices.list(Date.now()).map((n) => n.title);
    expect(titles).toContain('After retention');
    expect(titles).toContain('Missed and pruned');
    expect(first.cache.position().appliedSeq).toBe(server.services.log.position(user.user.id).head);
  });
});
