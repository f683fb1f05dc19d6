import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApprovalWorld, approvalWorld, id } from './approval-world.ts';
import { login } from './harness.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

const upload = (token: string, name: string, body: Uint8Array<ArrayBuffer> | string) =>
  fetch(`${w.server.url}/api/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
  });
const download = (token: string, attachmentId: string) =>
  fetch(`${w.server.url}/api/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('attachments', () => {
  it('accepts a file whose bytes match its type, links it to a request and shows it only to people on it', async () => {
    const employee = await login(w.server.url, 'zhang.wei');
    const res = await upload(employee.accessToken, '../../etc/boarding pass.png', PNG);
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; name: string; mediaType: string; size: number };
    expect(file).toMatchObject({ name: 'boarding pass.png', mediaType: 'image/png', size: PNG.length });

    const { requestId } = w.svc.submit(id('zhang.wei'), { ...w.leave(1), attachmentIds: [file.id] });
    expect(w.svc.detail(id('wang.fang'), requestId).history[0]!.attachments).toEqual([file]);

    const manager = await login(w.server.url, 'wang.fang');
    const stranger = await login(w.server.url, 'ma.lin');
    const got = await download(manager.accessToken, file.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''boarding%20pass.png");
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    expect((await download(stranger.accessToken, file.id)).status).toBe(404);
    // An upload cannot be attached twice.
    expect(() => w.svc.comment(id('zhang.wei'), { requestId, text: 'again', attachmentIds: [file.id] })).toThrow(
      /not an unused upload/,
    );
  });

  it('refuses a file whose content does not match its name, an unknown type, an empty or oversized one', async () => {
    const employee = await login(w.server.url, 'zhang.wei');
    const before = w.footprint();
    const mismatch = await upload(employee.accessToken, 'invoice.pdf', 'not a pdf at all');
    expect(mismatch.status).toBe(415);
    expect(await mismatch.json()).toMatchObject({
      error: { code: 'unsupported_type', message: expect.stringMatching(/content mismatch/) },
    });
    expect((await upload(employee.accessToken, 'tool.exe', 'MZ')).status).toBe(415);
    expect((await upload(employee.accessToken, 'notes.txt', '')).status).toBe(400);
    expect((await upload(employee.accessToken, 'bytes.txt', Uint8Array.from([0x41, 0x00, 0x42]))).status).toBe(415);
    const huge = await upload(employee.accessToken, 'big.txt', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41));
    expect(huge.status).toBe(413);
    expect((await fetch(`${w.server.url}/api/attachments?name=a.txt`, { method: 'POST', body: 'x' })).status).toBe(401);
    expect(w.footprint()).toEqual(before);
  });
});
