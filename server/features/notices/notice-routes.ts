import type { IncomingMessage } from 'node:http';
import { PublishNoticeRequest } from '../../../shared/protocol/http-api.ts';
import { type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import type { NoticeService } from './notice-service.ts';

export function addNoticeRoutes(
  routes: HttpRoutes,
  deps: {
    notices: NoticeService;
    authenticate: (req: IncomingMessage) => Promise<string>;
  },
): void {
  routes.add('POST', '/api/notices', async (req, res) => {
    const publisherId = await deps.authenticate(req);
    const body = await readJson(req, PublishNoticeRequest);
    sendJson(res, 201, deps.notices.publish(publisherId, body));
  });
}
