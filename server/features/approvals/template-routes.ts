import type { IncomingMessage } from 'node:http';
import { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import { CONTENT_LANGUAGES, FALLBACK } from '../../../shared/domain/localized-text.ts';
import { HttpProblem, type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import { requireRole } from '../auth/require-role.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { TemplateStore } from './template-store.ts';

/** Templates are data: admins list them and replace one at a time, validated by the shared schema. */
export function addTemplateRoutes(
  routes: HttpRoutes,
  deps: {
    templates: TemplateStore;
    directory: DirectoryStore;
    clock: Clock;
    authenticate: (req: IncomingMessage) => Promise<string>;
  },
): void {
  const admin = requireRole(deps.authenticate, deps.directory, ['admin'], 'only admins change approval templates');
  routes
    .add('GET', '/api/admin/approval-templates', async (req, res) => {
      await admin(req);
      sendJson(res, 200, { templates: deps.templates.list() });
    })
    // What a name an admin writes is shown as in each UI language, when the name lacks that language.
    .add('GET', '/api/admin/languages', async (req, res) => {
      await admin(req);
      sendJson(res, 200, { languages: CONTENT_LANGUAGES, required: ['en', 'zh-CN'], fallback: FALLBACK });
    })
    .add('PUT', '/api/admin/approval-templates/:key', async (req, res, _url, params) => {
      const userId = await admin(req);
      const template = await readJson(req, ApprovalTemplate);
      if (template.key !== params.key) throw new HttpProblem(400, 'invalid_request', 'the body’s key must match the URL');
      for (const step of template.steps) {
        if (step.approvers.kind !== 'users') continue;
        const unknown = step.approvers.userIds.filter((id) => !deps.directory.isActiveUser(id));
        if (unknown.length > 0) throw new HttpProblem(400, 'invalid_request', `unknown approvers: ${unknown.join(', ')}`);
      }
      const version = deps.templates.save(template, deps.clock.now(), userId);
      sendJson(res, 200, { key: template.key, version });
    });
}
