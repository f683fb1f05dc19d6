import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../../shared/domain/clock.ts';
import { HttpProblem, type HttpRoutes, readBytes, sendJson } from '../../gateway/http-kit.ts';
import { KeyedBuckets } from '../../gateway/token-bucket.ts';
import { type AttachmentContent, type AttachmentStore, MAX_ATTACHMENT_BYTES } from './attachment-store.ts';

/** Upload: raw bytes with `?name=`; download: only the uploader or someone who may see the request or notice. */
export function addAttachmentRoutes(
  routes: HttpRoutes,
  deps: {
    attachments: AttachmentStore;
    clock: Clock;
    authenticate: (req: IncomingMessage) => Promise<string>;
    mayDownload: (file: AttachmentContent, userId: string) => Promise<boolean>;
  },
): void {
  // Uploads per person: 20 at once, then one every 3 s (a form's files go in a burst; a script does not).
  const buckets = new KeyedBuckets(20, 1 / 3);
  const admitUpload = (userId: string) => {
    const retryAfterMs = buckets.take(userId);
    if (retryAfterMs !== null) throw new HttpProblem(429, 'rate_limited', 'too many uploads; wait a moment', { retryAfterMs });
  };
  routes
    .add('POST', '/api/attachments', async (req, res, url) => {
      const userId = await deps.authenticate(req);
      admitUpload(userId);
      const name = url.searchParams.get('name');
      if (!name) throw new HttpProblem(400, 'invalid_request', 'give the file name as ?name=');
      const data = await readBytes(req, MAX_ATTACHMENT_BYTES);
      sendJson(res, 201, deps.attachments.store(userId, name, data, deps.clock.now()));
    })
    .add('GET', '/api/attachments/:id', async (req, res, _url, params) => {
      const userId = await deps.authenticate(req);
      const file = deps.attachments.content(params.id!);
      const allowed = file && (file.ownerId === userId || (await deps.mayDownload(file, userId)));
      if (!file || !allowed) throw new HttpProblem(404, 'not_found', 'no such attachment');
      res.writeHead(200, {
        'content-type': file.mediaType,
        'content-length': file.data.length,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      });
      res.end(file.data);
    });
}
