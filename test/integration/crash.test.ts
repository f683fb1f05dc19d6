import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { login, publishNotice, syncClientFor, tempDir, waitFor } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

describe('server killed with SIGKILL while it emits', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  it('resumes after a restart on the same data with nothing lost and nothing applied twice', async () => {
    const data = tempDir('crash-server');
    const clientDir = tempDir('crash-client');
    cleanups.push(data.remove, clientDir.remove);
    const port = await freePort();
    let server = await spawnServer(port, data.dir);
    cleanups.push(() => server.child.kill('SIGKILL'));

    const user = await login(server.url, 'zhou.jie');
    let hr = await login(server.url, 'chen.jing');
    const { client, cache, appliedSeqs } = syncClientFor(() => server.url, user, path.join(clientDir.dir, 'cache.sqlite'));
    cleanups.push(() => client.stop());
    client.start();
    await waitFor(() => client.state === 'online', 10_000, 'first sync');
    const startSeq = cache.position().appliedSeq;

    // Company-wide notices fan out to all 14 users while the publisher keeps four requests in flight.
    const confirmed = new Set<string>();
    let sent = 0;
    const publishLoop = async (stopAt: () => boolean) => {
      const worker = async () => {
        while (!stopAt()) {
          const title = `Storm ${++sent}`;
          try {
            const res = await publishNotice(server.url, hr.accessToken, { title, audience: { everyone: true } });
            if (res.status === 201) confirmed.add(title);
          } catch {
            return; // the server died under us
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    };
    let killed = false;
    const loop = publishLoop(() => killed);
    await waitFor(() => confirmed.size >= 150, 20_000, '150 confirmed notices');
    server.child.kill('SIGKILL');
    killed = true;
    await loop;
    const confirmedBeforeKill = confirmed.size;

    server = await spawnServer(port, data.dir);
    hr = await login(server.url, 'chen.jing');
    let done = false;
    const afterLoop = publishLoop(() => done);
    await waitFor(() => confirmed.size >= confirmedBeforeKill + 50, 20_000, '50 more notices after restart');
    done = true;
    await afterLoop;

    // Everything the server committed for this user, also what it committed but never answered.
    const stored = await headFromServer(server.url, clientDir.dir);
    await waitFor(() => cache.position().appliedSeq === stored, 30_000, `client to reach head ${stored}`);

    expect(appliedSeqs).toEqual(Array.from({ length: stored - startSeq }, (_, i) => startSeq + 1 + i));
    const titles = new Set(cache.notices.list(100_000).map((n) => n.title));
    for (const title of confirmed) expect(titles.has(title), `confirmed ${title} is in the cache`).toBe(true);
    expect(cache.notices.list(100_000).filter((n) => n.title.startsWith('Storm ')).length).toBe(stored - startSeq);
  }, 90_000);
});

/** The user's log head as the restarted server reports it, through a second device's snapshot. */
async function headFromServer(url: string, dir: string): Promise<number> {
  const second = await login(url, 'zhou.jie');
  const probe = syncClientFor(() => url, second, path.join(dir, 'probe.sqlite'));
  probe.client.start();
  await waitFor(() => probe.client.state === 'online', 10_000, 'probe sync');
  const head = probe.cache.position().appliedSeq;
  probe.client.stop();
  return head;
}
