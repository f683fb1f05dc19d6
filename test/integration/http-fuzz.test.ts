import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runHttpFuzz } from '../fuzz/http-fuzz-run.ts';
import { startTestServer, tempDir } from './harness.ts';
import { freePort, spawnReady, spawnServer } from './server-process.ts';

/** Generated requests against the real processes: every one answered below 500 or closed, and the process stays up. */
describe('HTTP under generated hostile requests', () => {
  const stops: (() => void)[] = [];
  afterAll(() => stops.splice(0).forEach((stop) => stop()));

  it('the server answers 5,000 odd requests with a 4xx (or closes) and never stops', async () => {
    // The route table comes from the server itself, so a new route is fuzzed without editing this test.
    const probe = await startTestServer({ demo: true });
    const routes = probe.routes;
    await probe.close();
    rmSync(probe.dataDir, { recursive: true, force: true });

    const data = tempDir('fuzz-server');
    const port = await freePort();
    const { child, url } = await spawnServer(port, data.dir, {}, ['--demo']);
    stops.push(() => child.kill('SIGKILL'), data.remove);
    const report = await runHttpFuzz({
      port,
      host: `127.0.0.1:${port}`,
      routes,
      count: 5000,
      seed: 17,
      alive: async () => child.exitCode === null && (await fetch(`${url}/healthz`)).status === 200,
    });
    console.log(`server fuzz: ${report.sent} requests, ${report.healthChecks} health checks`, report.byStatus, report.byKind);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBe(5000);
    expect(child.exitCode).toBeNull();
  }, 600_000);

  it('the browser host answers 5,000 odd requests on loopback and never stops', async () => {
    const data = tempDir('fuzz-host');
    const { child, url } = await spawnReady(
      ['electron/browser-host/main.ts', '--server-url', 'http://127.0.0.1:9', '--port', '0', '--data', data.dir],
      /PORTICO_HOST_READY (\S+)/,
    );
    stops.push(() => child.kill('SIGKILL'), data.remove);
    const origin = new URL(url);
    const port = Number(origin.port);
    const report = await runHttpFuzz({
      port,
      host: origin.host,
      routes: [
        { method: 'GET', path: '/' },
        { method: 'GET', path: '/index.html' },
        { method: 'GET', path: '/assets/:file' },
        { method: 'GET', path: '/launch/:id' },
        { method: 'GET', path: '/bridge' },
      ],
      count: 5000,
      seed: 18,
      alive: async () => child.exitCode === null && (await fetch(`${origin.origin}/`)).status === 200,
    });
    console.log(`browser host fuzz: ${report.sent} requests, ${report.healthChecks} health checks`, report.byStatus);
    expect(report.failures).toEqual([]);
    expect(child.exitCode).toBeNull();
  }, 600_000);
});
