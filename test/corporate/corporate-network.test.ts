import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PorticoCore } from '../../electron/core/portico-core.ts';
import { resolvePolicy } from '../../electron/core/policy/resolve-policy.ts';
import type { PolicyValues } from '../../electron/core/policy/policy-definitions.ts';
import { startTestServer, tempDir, testCore, waitFor } from '../integration/harness.ts';
import { type TestCa, makeTestCa } from './test-ca.ts';
import { type RunningProxy, freePort, startTinyproxy } from './tinyproxy.ts';

/**
 * A company network on loopback: the server's certificate comes from the company's own CA (as
 * behind an internal PKI or a TLS-inspection box), and the way out is Debian's tinyproxy. Core must
 * connect only when the CA is trusted (system store or policy bundle), go through the proxy when
 * the policy says so, and its self-test must name the step that fails in each broken case.
 */
describe('core on a corporate network', () => {
  const folder = tempDir('corporate');
  let ca: TestCa;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let proxy: RunningProxy;
  let httpsUrl: string;
  const cores: PorticoCore[] = [];

  beforeAll(async () => {
    ca = makeTestCa(folder.dir, 'Portico Test Corp Root CA');
    server = await startTestServer({ tls: { certFile: ca.certFile, keyFile: ca.keyFile } });
    httpsUrl = `https://127.0.0.1:${server.port}`;
    proxy = await startTinyproxy(folder.dir);
  });
  afterAll(async () => {
    for (const core of cores) core.stop();
    await proxy?.stop();
    await server?.close();
    folder.remove();
  });

  /** A PC whose OS store holds `system` and whose machine policy is `values`. */
  const pc = (name: string, values: PolicyValues, system: readonly string[] = []) => {
    const core = testCore(tempDir(`pc-${name}`).dir, httpsUrl, undefined, {
      policy: resolvePolicy([{ name: 'machine', values }]),
      network: { systemCertificates: () => system },
      env: {},
    });
    cores.push(core);
    return core;
  };
  const signIn = (core: PorticoCore, serverUrl = httpsUrl) =>
    core.handlers['session.signIn']({ serverUrl, username: 'wang.fang', password: 'portico-demo' });

  it('refuses a server whose certificate comes from a CA the PC does not trust, and names the issuer', async () => {
    const core = pc('untrusted', { proxyMode: 'direct' });
    expect(await signIn(core)).toEqual({ ok: false, error: { code: 'server_unreachable', url: httpsUrl } });
    const check = await core.handlers['session.testConnection']({ serverUrl: httpsUrl });
    expect(check.failedStep).toBe('tls');
    const tls = check.steps.find((s) => s.step === 'tls');
    expect(tls).toMatchObject({ ok: false, issuer: 'Portico Test Corp Root CA', reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(check.steps.filter((s) => s.ok).map((s) => s.step)).toEqual(['address', 'tcp']);
  });

  it('connects when the CA is in the system store', async () => {
    const core = pc('system-store', { proxyMode: 'direct' }, [ca.caPem]);
    expect(await signIn(core)).toEqual({ ok: true });
    await waitFor(() => core.connectionView().state === 'online', 10_000, 'the socket online over WSS');
    const check = await core.handlers['session.testConnection']({ serverUrl: httpsUrl });
    expect(check.failedStep).toBeNull();
    expect(check.steps.map((s) => s.step)).toEqual(['address', 'tcp', 'tls', 'http', 'websocket']);
    expect(check.steps.find((s) => s.step === 'tls')?.issuer).toBe('Portico Test Corp Root CA');
  });

  it('connects when the CA comes from the policy bundle, and reports a bundle it cannot read', async () => {
    const core = pc('policy-bundle', { proxyMode: 'direct', caBundlePath: ca.caFile });
    expect(await signIn(core)).toEqual({ ok: true });
    await waitFor(() => core.connectionView().state === 'online', 10_000, 'the socket online over WSS');

    const broken = pc('missing-bundle', { proxyMode: 'direct', caBundlePath: `${folder.dir}/nowhere.pem` });
    expect((await broken.handlers['session.testConnection']({ serverUrl: httpsUrl })).failedStep).toBe('tls');
    expect((await broken.handlers['app.diagnostics']({})).text).toContain('the CA bundle');
  });

  it('goes through the proxy the policy names, for both HTTP and the socket', async () => {
    const before = proxy.tunnels().length;
    const core = pc('proxied', {
      proxyMode: 'fixed_servers',
      proxyServer: `127.0.0.1:${proxy.port}`,
      // Loopback is never proxied (Chromium's rule) unless the list says so; the test's server is on loopback.
      proxyBypassList: '<-loopback>',
      caBundlePath: ca.caFile,
    });
    expect(await signIn(core)).toEqual({ ok: true });
    await waitFor(() => core.connectionView().state === 'online', 10_000, 'the socket online through the proxy');
    const tunnels = proxy.tunnels().slice(before);
    // The version check and the login over HTTP, then the socket: every one a CONNECT to the server.
    expect(tunnels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tunnels)).toEqual(new Set([`127.0.0.1:${server.port}`]));
    const check = await core.handlers['session.testConnection']({ serverUrl: httpsUrl });
    expect(check.failedStep).toBeNull();
    expect(check.steps.map((s) => [s.step, s.target])).toEqual([
      ['address', `127.0.0.1:${server.port}`],
      ['proxy', `127.0.0.1:${proxy.port}`],
      ['tcp', `127.0.0.1:${server.port}`],
      ['tls', `127.0.0.1:${server.port}`],
      ['http', undefined],
      ['websocket', undefined],
    ]);
    expect((await core.handlers['app.diagnostics']({})).text).toContain(`Route to the server: proxy 127.0.0.1:${proxy.port}`);
  });

  it('runs the PAC script IT names, sandboxed, and goes where it says', async () => {
    const script = `function FindProxyForURL(url, host) {
      if (shExpMatch(host, "127.0.0.1") && url.indexOf(":${server.port}") > 0) return "PROXY 127.0.0.1:${proxy.port}; DIRECT";
      return "DIRECT";
    }`;
    const pacServer = await listen(
      createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(script)),
    );
    try {
      const before = proxy.tunnels().length;
      const core = pc('pac', {
        proxyMode: 'pac_script',
        proxyPacUrl: `http://127.0.0.1:${pacServer.port}/proxy.pac`,
        proxyBypassList: '<-loopback>',
        caBundlePath: ca.caFile,
      });
      expect(await signIn(core)).toEqual({ ok: true });
      await waitFor(() => core.connectionView().state === 'online', 10_000, 'the socket online through the PAC-chosen proxy');
      expect(new Set(proxy.tunnels().slice(before))).toEqual(new Set([`127.0.0.1:${server.port}`]));
      expect(proxy.tunnels().length - before).toBeGreaterThanOrEqual(2);

      // A script that cannot be had: direct, as browsers fall back, and the log says why.
      const broken = pc('pac-missing', {
        proxyMode: 'pac_script',
        proxyPacUrl: `http://127.0.0.1:${await freePort()}/none.pac`,
        proxyBypassList: '<-loopback>',
        caBundlePath: ca.caFile,
      });
      const check = await broken.handlers['session.testConnection']({ serverUrl: httpsUrl });
      expect(check.failedStep).toBeNull();
      expect(check.steps.map((s) => s.step)).toEqual(['address', 'tcp', 'tls', 'http', 'websocket']);
      let diagnostics = '';
      for (let i = 0; i < 50 && !/the PAC script at .* failed/.test(diagnostics); i += 1) {
        diagnostics = (await broken.handlers['app.diagnostics']({})).text;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(diagnostics).toMatch(/the PAC script at .* failed/);
    } finally {
      await pacServer.close();
    }
  });

  it('names the failing step: proxy down, server down (directly and behind the proxy), unknown name, wrong port', async () => {
    const closed = await freePort();
    const proxyDown = pc('proxy-down', {
      proxyMode: 'fixed_servers',
      proxyServer: `127.0.0.1:${closed}`,
      proxyBypassList: '<-loopback>',
      caBundlePath: ca.caFile,
    });
    const viaProxyDown = await proxyDown.handlers['session.testConnection']({ serverUrl: httpsUrl });
    expect(viaProxyDown.failedStep).toBe('proxy');
    expect(viaProxyDown.steps.at(-1)).toMatchObject({ reason: 'ECONNREFUSED', target: `127.0.0.1:${closed}` });

    const direct = pc('direct', { proxyMode: 'direct', caBundlePath: ca.caFile });
    const serverDown = await direct.handlers['session.testConnection']({ serverUrl: `https://127.0.0.1:${closed}` });
    expect(serverDown.failedStep).toBe('tcp');
    expect(serverDown.steps.at(-1)).toMatchObject({ reason: 'ECONNREFUSED' });

    const proxied = pc('proxied-down', {
      proxyMode: 'fixed_servers',
      proxyServer: `127.0.0.1:${proxy.port}`,
      proxyBypassList: '<-loopback>',
      caBundlePath: ca.caFile,
    });
    const behindProxy = await proxied.handlers['session.testConnection']({ serverUrl: `https://127.0.0.1:${closed}` });
    expect(behindProxy.steps, JSON.stringify(behindProxy.steps)).toHaveLength(3);
    expect(behindProxy.failedStep).toBe('tcp');
    expect(behindProxy.steps.find((s) => s.step === 'proxy')?.ok).toBe(true);
    expect(behindProxy.steps.at(-1)?.status).toBeGreaterThanOrEqual(500);

    const unknown = await direct.handlers['session.testConnection']({ serverUrl: 'https://portico.invalid' });
    expect(unknown.failedStep).toBe('dns');
    expect(unknown.steps.at(-1)).toMatchObject({ reason: 'ENOTFOUND', target: 'portico.invalid' });

    // The wrong port: another web service answers there, not Portico.
    const other = await listen(createServer((_req, res) => res.writeHead(404).end('not here')));
    const wrongPort = await direct.handlers['session.testConnection']({ serverUrl: `http://127.0.0.1:${other.port}` });
    expect(wrongPort.failedStep).toBe('http');
    expect(wrongPort.steps.at(-1)).toMatchObject({ reason: 'status', status: 404 });
    await other.close();
  });

  it('names the WebSocket step when web requests pass but the upgrade is blocked', async () => {
    // What a proxy or a load balancer without WebSocket support does: the page loads, the upgrade is refused.
    const version = await (await fetch(`http://127.0.0.1:${(await listenPortico()).port}/api/version`)).json();
    const blocking = await listen(
      createServer((req, res) => {
        if (req.url === '/api/version') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(version));
        else res.writeHead(404).end();
      }),
    );
    const core = pc('no-upgrade', { proxyMode: 'direct' });
    const check = await core.handlers['session.testConnection']({ serverUrl: `http://127.0.0.1:${blocking.port}` });
    expect(check.failedStep).toBe('websocket');
    expect(check.steps.at(-1)).toMatchObject({ reason: 'status', status: 404 });
    await blocking.close();
  });

  let plain: Awaited<ReturnType<typeof startTestServer>> | null = null;
  const listenPortico = async () => (plain ??= await startTestServer());
  afterAll(async () => plain?.close());
});

async function listen(server: Server): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
