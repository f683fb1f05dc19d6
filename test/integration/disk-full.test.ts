import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login, publishNotice } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

/** A small filesystem of the test's own (tmpfs, as root); null where the machine does not allow mounting. */
function smallDisk(megabytes: number): { dir: string; release: () => void } | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    console.warn(`disk-full test: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  return {
    dir,
    release: () => {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a file until the filesystem says ENOSPC; returns its path (delete it to give the space back). */
function fillUp(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full.
  }
  try {
    for (;;) writeSync(fd, chunk.subarray(0, 512));
  } catch {
    // the last few blocks
  }
  closeSync(fd);
  return file;
}

const ready = async (url: string) => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string } };
};

describe('a full disk', () => {
  const stops: (() => void)[] = [];
  afterAll(() =>
    stops
      .splice(0)
      .reverse()
      .forEach((stop) => stop()),
  );

  it('keeps the process up, says not ready, refuses writes tidily, loses nothing acknowledged, and recovers', async (ctx) => {
    const disk = smallDisk(64);
    if (!disk) return ctx.skip();
    stops.push(disk.release);
    const data = path.join(disk.dir, 'server');
    const port = await freePort();
    // Short timer intervals, so the writing timers (receipts, stats, sweeps) hit the full disk during the test.
    const env = { PORTICO_STATS_MS: '200', PORTICO_SWEEP_MS: '200' };
    let server = await spawnServer(port, data, env);
    stops.push(() => server.child.kill('SIGKILL'));
    const hr = await login(server.url, 'chen.jing');

    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const title = `Before the disk filled ${i}`;
      expect((await publishNotice(server.url, hr.accessToken, { title, audience: { everyone: true } })).status).toBe(201);
      acknowledged.push(title);
    }
    expect((await ready(server.url)).status).toBe(200);

    const filler = fillUp(disk.dir);
    const refused: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await publishNotice(server.url, hr.accessToken, {
        title: `While full ${i}`,
        body: 'x'.repeat(8000),
        audience: { everyone: true },
      });
      if (res.status === 201) acknowledged.push(`While full ${i}`);
      else refused.push(res.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Timers that write keep failing for a while: the process must survive them.
    await new Promise((r) => setTimeout(r, 3000));
    const whileFull = await ready(server.url);
    console.log(
      `disk full: ${refused.length} of 10 publishes refused (${[...new Set(refused)].join(', ')}); /readyz ${whileFull.status} ${JSON.stringify(whileFull.body)}`,
    );
    expect(server.child.exitCode).toBeNull();
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((status) => status === 503)).toBe(true);
    expect(whileFull.status).toBe(503);
    expect(['disk_full', 'writes_failing']).toContain(whileFull.body.status);

    unlinkSync(filler);
    const after = `After the space came back`;
    expect((await publishNotice(server.url, hr.accessToken, { title: after, audience: { everyone: true } })).status).toBe(201);
    acknowledged.push(after);
    expect((await ready(server.url)).status).toBe(200);

    // Durable, not just in memory: killed and started again, every acknowledged notice is there.
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    server = await spawnServer(port, data, env);
    const again = await login(server.url, 'chen.jing');
    const published = (await (
      await fetch(`${server.url}/api/notices`, { headers: { authorization: `Bearer ${again.accessToken}` } })
    ).json()) as {
      title: string;
    }[];
    const titles = new Set(published.map((n) => n.title));
    expect(acknowledged.filter((title) => !titles.has(title))).toEqual([]);
  }, 120_000);
});
