import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer } from './harness.ts';

/** A minidump as far as the server looks: the "MDMP" signature, then bytes. */
const minidump = (size: number) => Buffer.concat([Buffer.from('MDMP\x93\xa7\x00\x00', 'latin1'), Buffer.alloc(size - 8, 7)]);

/** The body Crashpad posts: multipart/form-data with its annotations and the minidump, gzipped when `compress` is on. */
function crashpadBody(
  fields: Record<string, string>,
  dump: Buffer,
  boundary = '---------------------------crashpad9f3a',
): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="1f2e.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    dump,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

describe('crash reports from the desktop app', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let adminToken: string;
  let staffToken: string;
  beforeAll(async () => {
    // Behind a trusted proxy, as in production: each test's PCs come from addresses of their own.
    server = await startTestServer({ trustProxy: true });
    adminToken = (await login(server.url, 'huang.min')).accessToken;
    staffToken = (await login(server.url, 'zhang.wei')).accessToken;
  });
  afterAll(() => server.close());

  const post = (body: Buffer, headers: Record<string, string>, from = '203.0.113.7') =>
    fetch(`${server.url}/api/crash-reports`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { 'x-forwarded-for': from, ...headers },
    });
  const fields = {
    prod: 'Electron',
    ver: '45.4.1',
    _productName: 'Portico',
    _version: '0.1.0',
    platform: 'win32',
    process_type: 'renderer',
    shell: 'electron',
  };
  const boundary = 'multipart/form-data; boundary=---------------------------crashpad9f3a';

  it('stores a gzipped Crashpad upload and shows it to IT, minidump and all', async () => {
    const dump = minidump(300 * 1024);
    const res = await post(gzipSync(crashpadBody(fields, dump)), { 'content-type': boundary, 'content-encoding': 'gzip' });
    expect(res.status).toBe(201);
    const id = await res.text();
    const list = await fetch(`${server.url}/api/admin/crash-reports`, { headers: { authorization: `Bearer ${adminToken}` } });
    const { reports } = (await list.json()) as { reports: Record<string, unknown>[] };
    expect(reports[0]).toMatchObject({
      id,
      product: 'Portico',
      version: '0.1.0',
      platform: 'win32',
      processType: 'renderer',
      annotations: { shell: 'electron' },
      bytes: dump.length,
    });
    const download = await fetch(`${server.url}/api/admin/crash-reports/${id}/minidump`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(dump)).toBe(true);
    const refused = await fetch(`${server.url}/api/admin/crash-reports`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(refused.status).toBe(403);
  });

  it('refuses what is not a minidump upload, saying why, and stores nothing', async () => {
    const before = await (
      await fetch(`${server.url}/api/admin/crash-reports`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json();
    const cases: [Buffer, Record<string, string>, number][] = [
      [crashpadBody(fields, Buffer.from('not a dump at all')), { 'content-type': boundary }, 400],
      [Buffer.from('{}'), { 'content-type': 'application/json' }, 415],
      [Buffer.from('garbage'), { 'content-type': boundary, 'content-encoding': 'gzip' }, 400],
      [Buffer.from('--x\r\n'), { 'content-type': 'multipart/form-data' }, 400],
      // A small body that inflates past the limit.
      [gzipSync(crashpadBody(fields, minidump(9 * 1024 * 1024))), { 'content-type': boundary, 'content-encoding': 'gzip' }, 413],
      [crashpadBody(fields, minidump(1024)), { 'content-type': boundary, 'content-encoding': 'br' }, 415],
    ];
    for (const [index, [body, headers, status]] of cases.entries()) {
      const res = await post(body, headers, `198.51.100.${index + 1}`);
      expect(res.status, `case ${index}`).toBe(status);
    }
    const after = await (
      await fetch(`${server.url}/api/admin/crash-reports`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json();
    expect(after).toEqual(before);
  });

  it('takes a few reports from one address, then one a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await post(crashpadBody(fields, minidump(2048)), { 'content-type': boundary }, '192.0.2.50')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});
