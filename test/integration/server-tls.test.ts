import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { login, startTestServer, tempDir } from './harness.ts';
import { parseMetrics, valueOf } from './prometheus-text.ts';

/** A self-signed pair for 127.0.0.1, named so the test can tell which one the server serves. */
function makePair(dir: string, name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3'].concat([
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  return { cert, key };
}

describe('the server serving HTTPS and WSS itself', () => {
  const folder = tempDir('tls');
  const lines: string[] = [];
  const served = { cert: path.join(folder.dir, 'served.crt'), key: path.join(folder.dir, 'served.key') };
  let a: { cert: string; key: string };
  let b: { cert: string; key: string };
  let ca: string[];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    a = makePair(folder.dir, 'portico-a');
    b = makePair(folder.dir, 'portico-b');
    ca = [readFileSync(a.cert, 'utf8'), readFileSync(b.cert, 'utf8')];
    copyFileSync(a.cert, served.cert);
    copyFileSync(a.key, served.key);
    server = await startTestServer(
      { tls: { certFile: served.cert, keyFile: served.key }, tlsReloadMs: 50, logLevel: 'info' },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
  });
  afterAll(async () => {
    await server?.close();
    folder.remove();
  });

  /** The common name of the certificate a new TLS connection is served. */
  const servedName = () =>
    new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: server.port, ca }, () => {
        const name = socket.getPeerCertificate().subject.CN;
        socket.end();
        resolve(String(name));
      });
      socket.once('error', reject);
    });
  const waitForName = async (name: string) => {
    for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
      if ((await servedName()) === name) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server never served ${name}`);
  };
  const get = (target: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      request(`${server.url}${target}`, { ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
        .once('error', reject)
        .end();
    });

  it('answers HTTPS and upgrades WSS, and takes a renewed certificate without a restart or a dropped socket', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await servedName()).toBe('portico-a');
    expect((await get('/readyz')).status).toBe(200);
    const staff = await new Promise<{ accessToken: string }>((resolve, reject) => {
      const req = request(
        `${server.url}/api/auth/login`,
        { method: 'POST', ca, headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(JSON.parse(body) as { accessToken: string }));
        },
      );
      req.once('error', reject);
      req.end(JSON.stringify({ username: 'zhang.wei', password: 'portico-demo' }));
    });
    const ws = new WebSocket(server.wsUrl, { headers: { authorization: `Bearer ${staff.accessToken}` }, ca });
    const frames: { type: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as { type: string }));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    expect(server.wsUrl).toMatch(/^wss:/);

    // A renewal caught halfway (the new key beside the old certificate) is not used: still A.
    copyFileSync(b.key, served.key);
    for (const deadline = Date.now() + 3000; !lines.some((l) => l.includes('cannot be used yet')) && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.some((l) => l.includes('cannot be used yet'))).toBe(true);
    expect(await servedName()).toBe('portico-a');
    // The renewal completes: new connections get B, within the reload interval.
    copyFileSync(b.cert, served.cert);
    await waitForName('portico-b');
    expect(lines.some((l) => l.includes('TLS certificate reloaded') && l.includes('portico-b'))).toBe(true);
    // The socket opened under A is still there and still answered.
    ws.send(JSON.stringify({ type: 'request', id: 'after-renewal', method: 'directory.people', params: {} }));
    for (const deadline = Date.now() + 3000; !frames.some((f) => f.type === 'response') && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(frames.some((f) => f.type === 'response')).toBe(true);
    ws.close();

    // Operators alert on the served certificate's expiry.
    const metrics = parseMetrics((await get('/metrics')).body);
    const expiry = Date.parse(new X509Certificate(readFileSync(b.cert)).validTo) / 1000;
    expect(valueOf(metrics, 'portico_tls_certificate_expiry_seconds')).toBe(expiry);
  });

  it('does not start on files that are not a pair, and says which', async () => {
    await expect(startTestServer({ tls: { certFile: a.cert, keyFile: b.key } })).rejects.toThrow(/is not the private key of/);
    await expect(startTestServer({ tls: { certFile: path.join(folder.dir, 'missing.crt'), keyFile: a.key } })).rejects.toThrow(
      /ENOENT|no such file/,
    );
  });

  it('is plain HTTP behind a proxy, with no certificate series', async () => {
    const plain = await startTestServer();
    const metrics = parseMetrics(await (await fetch(`${plain.url}/metrics`)).text());
    expect(metrics.has('portico_tls_certificate_expiry_seconds')).toBe(false);
    expect((await login(plain.url, 'zhang.wei')).accessToken).toBeTruthy();
    await plain.close();
  });
});
