import { AttachmentRef } from '../../../../shared/domain/approvals/request.ts';
import { problemOf, unreachable } from '../../session/server-problem.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';

type Upload = { ok: true; attachment: AttachmentRef } | { ok: false; code: string; message: string };
type Download = { ok: true; name: string; mediaType: string; base64: string } | { ok: false; code: string };

/** Files go over HTTP, not the socket: a frame is limited to 64 KiB and a file may be 10 MiB. */
export async function uploadAttachment(session: SignedInSession, name: string, data: Buffer): Promise<Upload> {
  const token = await session.accessToken(false);
  if (!token) return { ok: false, code: 'signed_out', message: 'the session ended' };
  try {
    const res = await session.net.fetch(`${session.httpUrl}/api/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(data),
      signal: AbortSignal.timeout(60_000),
    });
    const body: unknown = await res.json();
    if (res.status === 201) return { ok: true, attachment: AttachmentRef.parse(body) };
    return { ok: false, ...problemOf(res.status, body) };
  } catch (error) {
    return { ok: false, ...unreachable(error) };
  }
}

export async function downloadAttachment(session: SignedInSession, attachmentId: string): Promise<Download> {
  const token = await session.accessToken(false);
  if (!token) return { ok: false, code: 'signed_out' };
  try {
    const res = await session.net.fetch(`${session.httpUrl}/api/attachments/${encodeURIComponent(attachmentId)}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(60_000),
    });
    if (res.status !== 200) return { ok: false, code: res.status === 404 ? 'not_found' : 'server_error' };
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return {
      ok: true,
      name: encoded ? decodeURIComponent(encoded) : attachmentId,
      mediaType: res.headers.get('content-type') ?? 'application/octet-stream',
      base64: Buffer.from(await res.arrayBuffer()).toString('base64'),
    };
  } catch {
    return { ok: false, code: 'unreachable' };
  }
}
