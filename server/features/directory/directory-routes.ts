import type { IncomingMessage } from 'node:http';
import { type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import { AccountChange, type DirectoryAdmin, NewAccount } from './directory-admin.ts';
import type { DirectoryStore } from './directory-store.ts';

/** Accounts for HR and admins (or an HR system's sync): create, move, change roles, disable. */
export function addDirectoryRoutes(
  routes: HttpRoutes,
  deps: {
    admin: DirectoryAdmin;
    directory: DirectoryStore;
    authenticateHr: (req: IncomingMessage) => Promise<string>;
    authenticateAdmin: (req: IncomingMessage) => Promise<string>;
    clientAddress: (req: IncomingMessage) => string;
  },
): void {
  routes
    .add('GET', '/api/admin/departments', async (req, res) => {
      await deps.authenticateHr(req);
      sendJson(res, 200, deps.directory.departments());
    })
    .add('POST', '/api/admin/users', async (req, res) => {
      const actorId = await deps.authenticateHr(req);
      const account = await readJson(req, NewAccount);
      sendJson(res, 201, await deps.admin.create(account, { actorId, ip: deps.clientAddress(req) }));
    })
    .add('PATCH', '/api/admin/users/:id', async (req, res, _url, params) => {
      const actorId = await deps.authenticateHr(req);
      await deps.admin.update(params.id!, await readJson(req, AccountChange), { actorId, ip: deps.clientAddress(req) });
      sendJson(res, 200, { userId: params.id, profile: deps.directory.profile(params.id!) });
    })
    .add('GET', '/api/admin/users/:id/audit', async (req, res, _url, params) => {
      await deps.authenticateAdmin(req);
      sendJson(res, 200, await deps.admin.auditOf(params.id!));
    });
}
