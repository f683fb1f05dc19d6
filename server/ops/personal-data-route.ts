import type { IncomingMessage } from 'node:http';
import { HttpProblem, type HttpRoutes, sendJson } from '../gateway/http-kit.ts';
import type { Authenticate, ServerFeature } from '../features/server-feature.ts';
import { collectPersonalData } from './personal-data.ts';

/**
 * `GET /api/admin/users/:id/export`: an administrator takes a copy of everything Portico holds
 * about one person (for that person's request). Each export is written to the account's history.
 */
export function addPersonalDataRoute(
  routes: HttpRoutes,
  deps: {
    features: readonly ServerFeature[];
    admin: Authenticate;
    exists: (userId: string) => boolean;
    noteExport: (userId: string, by: { actorId: string; ip: string }) => Promise<void>;
    clientAddress: (req: IncomingMessage) => string;
    now: () => number;
    serverVersion: string;
  },
): void {
  routes.add('GET', '/api/admin/users/:id/export', async (req, res, _url, params) => {
    const actorId = await deps.admin(req);
    const userId = params.id!;
    if (!deps.exists(userId)) throw new HttpProblem(404, 'not_found', `no user ${userId}`);
    const data = await collectPersonalData(deps.features, userId, { now: deps.now(), serverVersion: deps.serverVersion });
    await deps.noteExport(userId, { actorId, ip: deps.clientAddress(req) });
    sendJson(res, 200, data, { 'content-disposition': `attachment; filename="portico-${userId}.json"` });
  });
}
