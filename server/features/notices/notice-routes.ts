import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { EntityId } from '../../../shared/domain/ids.ts';
import { RequestedLanguage } from '../../../shared/domain/localized-text.ts';
import { NoticeDraft, NoticeEdit } from '../../../shared/domain/notices/index.ts';
import { HttpProblem, type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import type { NoticeService } from './notice-service.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { OnboardingRepository } from './notice-repositories.ts';

const OnboardingList = z.object({ noticeIds: z.array(EntityId).max(10) });

/**
 * The same notice operations as the socket, for HR tools and other systems; each checks the caller
 * the same way. The onboarding list is for admins only.
 */
export function addNoticeRoutes(
  routes: HttpRoutes,
  deps: {
    notices: NoticeService;
    onboarding: OnboardingRepository;
    gate: WriteGate;
    authenticate: (req: IncomingMessage) => Promise<string>;
    authenticateAdmin: (req: IncomingMessage) => Promise<string>;
  },
): void {
  const { notices } = deps;
  // Every route here is a publisher's: the role is checked before a body is read or a notice looked up.
  const authenticate = async (req: IncomingMessage) => {
    const userId = await deps.authenticate(req);
    notices.assertPublisher(userId);
    return userId;
  };
  routes
    .add('POST', '/api/notices', async (req, res) => {
      const userId = await authenticate(req);
      sendJson(res, 201, await notices.publish(userId, await readJson(req, NoticeDraft)));
    })
    .add('GET', '/api/notices', async (req, res) => {
      sendJson(res, 200, await notices.published(await authenticate(req)));
    })
    .add('PUT', '/api/notices/:id', async (req, res, _url, params) => {
      const userId = await authenticate(req);
      const edit = await readJson(req, NoticeEdit.omit({ noticeId: true }));
      sendJson(res, 200, await notices.edit(userId, { ...edit, noticeId: params.id! }));
    })
    .add('DELETE', '/api/notices/:id', async (req, res, _url, params) => {
      sendJson(res, 200, await notices.withdraw(await authenticate(req), params.id!));
    })
    .add('GET', '/api/notices/:id/stats', async (req, res, _url, params) => {
      sendJson(res, 200, await notices.stats(await authenticate(req), params.id!));
    })
    .add('GET', '/api/notices/:id/stragglers', async (req, res, _url, params) => {
      sendJson(res, 200, await notices.stragglers(await authenticate(req), params.id!));
    })
    .add('POST', '/api/notices/:id/remind', async (req, res, _url, params) => {
      sendJson(res, 200, await notices.remind(await authenticate(req), params.id!));
    })
    .add('GET', '/api/notices/:id/recipients.csv', async (req, res, url, params) => {
      const asked = RequestedLanguage.safeParse(url.searchParams.get('lang') ?? 'en');
      if (!asked.success) throw new HttpProblem(400, 'invalid_request', z.prettifyError(asked.error));
      const language = asked.data;
      const { fileName, csv } = await notices.exportCsv(await authenticate(req), params.id!, language);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'private, no-store',
      });
      res.end(csv);
    })
    .add('GET', '/api/admin/notices/onboarding', async (req, res) => {
      await deps.authenticateAdmin(req);
      sendJson(res, 200, { noticeIds: await deps.onboarding.noticeIds() });
    })
    .add('PUT', '/api/admin/notices/onboarding', async (req, res) => {
      await deps.authenticateAdmin(req);
      const { noticeIds } = await readJson(req, OnboardingList);
      await deps.gate.transaction(() => deps.onboarding.replace(noticeIds));
      sendJson(res, 200, { noticeIds: await deps.onboarding.noticeIds() });
    });
}
