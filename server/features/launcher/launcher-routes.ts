import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ToolDefinition } from '../../../shared/domain/launcher/index.ts';
import { HttpProblem, type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import type { LauncherService } from './launcher-service.ts';
import type { SsoKeyRing } from './sso-key-ring.ts';
import type { TicketIssuer } from './ticket-issuer.ts';

const Redeem = z.object({ ticket: z.string().min(1).max(4096), audience: z.string().min(1).max(256) });
const Rotate = z.object({ revoke: z.boolean().default(false) });

/**
 * HTTP side of the launcher: the public JWKS, tickets for signed-in clients, redemption for tools
 * that keep no state, and the catalog and adoption figures for admins.
 */
export function addLauncherRoutes(
  routes: HttpRoutes,
  deps: {
    launcher: LauncherService;
    tickets: TicketIssuer;
    keys: SsoKeyRing;
    authenticate: (req: IncomingMessage) => Promise<string>;
    authenticateAdmin: (req: IncomingMessage) => Promise<string>;
  },
): void {
  const { launcher, tickets, keys, authenticateAdmin } = deps;
  routes
    // Tools cache it for five minutes; the next key is published a whole rotation ahead, so that is safe.
    .add('GET', '/.well-known/jwks.json', async (_req, res) =>
      sendJson(res, 200, await keys.jwks(), { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }),
    )
    .add('POST', '/api/launcher/tools/:id/ticket', async (req, res, _url, params) => {
      sendJson(res, 201, await tickets.issue(await deps.authenticate(req), params.id!));
    })
    .add('POST', '/api/sso/redeem', async (req, res) => {
      const { ticket, audience } = await readJson(req, Redeem);
      const outcome = await tickets.redeem(ticket, audience);
      if (outcome.ok) return sendJson(res, 200, { sub: outcome.sub, tool: outcome.tool, jti: outcome.jti });
      const status = outcome.reason === 'replayed' ? 409 : 401;
      throw new HttpProblem(status, `ticket_${outcome.reason}`, `the ticket is ${outcome.reason.replace('_', ' ')}`);
    })
    .add('GET', '/api/admin/tools', async (req, res) => {
      await authenticateAdmin(req);
      sendJson(res, 200, await launcher.list());
    })
    .add('POST', '/api/admin/tools', async (req, res) => {
      await authenticateAdmin(req);
      sendJson(res, 201, await launcher.create(await readJson(req, ToolDefinition)));
    })
    .add('PUT', '/api/admin/tools/:id', async (req, res, _url, params) => {
      await authenticateAdmin(req);
      sendJson(res, 200, await launcher.update(params.id!, await readJson(req, ToolDefinition)));
    })
    .add('DELETE', '/api/admin/tools/:id', async (req, res, _url, params) => {
      await authenticateAdmin(req);
      sendJson(res, 200, await launcher.remove(params.id!));
    })
    .add('POST', '/api/admin/sso/rotate', async (req, res) => {
      await authenticateAdmin(req);
      const { revoke } = await readJson(req, Rotate);
      sendJson(res, 200, { rotated: await keys.rotate({ revoke }), jwks: await keys.jwks() });
    })
    .add('GET', '/api/admin/launcher/usage', async (req, res, url) => {
      await authenticateAdmin(req);
      const days = Number(url.searchParams.get('days') ?? '30');
      if (!Number.isInteger(days) || days < 1 || days > 366) throw new HttpProblem(400, 'invalid_request', 'days is 1 to 366');
      sendJson(res, 200, await launcher.adoption(days));
    });
}
