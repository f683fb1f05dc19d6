import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../../shared/domain/clock.ts';
import {
  CreateIntegrationRequest,
  ExternalId,
  ExternalTaskRequest,
  type IntegrationScope,
} from '../../../shared/protocol/integration-api.ts';
import { HttpProblem, type HttpRoutes, bearerToken, readJson, sendJson } from '../../gateway/http-kit.ts';
import { requireRole } from '../auth/require-role.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { ExternalTasks } from './external-tasks.ts';
import type { UnitOfWork } from '../../delivery/write-gate.ts';
import type { Integration, IntegrationRepository } from './integration-repository.ts';
import { buildOpenApiDocument } from './openapi.ts';

export function addIntegrationRoutes(
  routes: HttpRoutes,
  deps: {
    integrations: IntegrationRepository;
    gate: UnitOfWork;
    external: ExternalTasks;
    directory: DirectoryStore;
    clock: Clock;
    serverVersion: string;
    authenticate: (req: IncomingMessage) => Promise<string>;
  },
): void {
  const admin = requireRole(deps.authenticate, deps.directory, ['admin'], 'only admins manage integrations');
  const integration = async (req: IncomingMessage, scope: IntegrationScope): Promise<Integration> => {
    const token = bearerToken(req);
    if (!token) throw new HttpProblem(401, 'token_missing', 'send "Authorization: Bearer <integration token>"');
    const found = await deps.integrations.authenticate(token);
    if (!found) throw new HttpProblem(401, 'token_invalid', 'unknown or revoked integration token');
    if (!found.scopes.includes(scope) && !(scope === 'tasks:read' && found.scopes.includes('tasks:write'))) {
      throw new HttpProblem(403, 'scope_missing', `this token lacks the scope ${scope}`);
    }
    return found;
  };
  const externalId = (raw: string | undefined): string => {
    const parsed = ExternalId.safeParse(raw);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request', 'malformed externalId');
    return parsed.data;
  };

  routes
    .add('GET', '/api/openapi.json', (_req, res) => sendJson(res, 200, buildOpenApiDocument(deps.serverVersion)))
    .add('GET', '/api/admin/integrations', async (req, res) => {
      await admin(req);
      sendJson(res, 200, { integrations: await deps.integrations.list() });
    })
    .add('POST', '/api/admin/integrations', async (req, res) => {
      const userId = await admin(req);
      const body = await readJson(req, CreateIntegrationRequest);
      const now = deps.clock.now();
      sendJson(res, 201, await deps.gate.transaction(() => deps.integrations.create(body.name, body.scopes, userId, now)));
    })
    .add('POST', '/api/admin/integrations/:id/revoke', async (req, res, _url, params) => {
      await admin(req);
      const now = deps.clock.now();
      if (!(await deps.gate.transaction(() => deps.integrations.revoke(params.id!, now))))
        throw new HttpProblem(404, 'not_found', 'no such active integration');
      sendJson(res, 200, { revoked: true });
    })
    .add('POST', '/api/integrations/v1/tasks', async (req, res) => {
      const caller = await integration(req, 'tasks:write');
      const body = await readJson(req, ExternalTaskRequest);
      const state = deps.external.create(caller, body);
      sendJson(res, state.created ? 201 : 200, state);
    })
    .add('GET', '/api/integrations/v1/tasks/:externalId', async (req, res, _url, params) => {
      const caller = await integration(req, 'tasks:read');
      sendJson(res, 200, deps.external.state(caller, externalId(params.externalId)));
    })
    .add('DELETE', '/api/integrations/v1/tasks/:externalId', async (req, res, _url, params) => {
      const caller = await integration(req, 'tasks:write');
      sendJson(res, 200, deps.external.cancel(caller, externalId(params.externalId)));
    });
}
