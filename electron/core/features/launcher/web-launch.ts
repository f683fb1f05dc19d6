import type { IssuedTicket, WebLaunch } from '../../../../shared/domain/launcher/index.ts';
import { toolOrigin } from '../../../../shared/domain/launcher/index.ts';
import type { WebTarget } from './launcher-types.ts';

/** How to open a web tool: its URL, with the ticket added as the catalog says (query parameter or form field). */
export function webLaunch(toolId: string, target: WebTarget, ticket: IssuedTicket | null): WebLaunch {
  const base = { toolId, openIn: target.openIn, origin: toolOrigin(target) };
  if (!ticket || target.sso.mode === 'none') return { ...base, url: target.url, method: 'GET', fields: {} };
  if (target.sso.mode === 'post')
    return { ...base, url: target.url, method: 'POST', fields: { [target.sso.field]: ticket.ticket } };
  const url = new URL(target.url);
  url.searchParams.set(target.sso.param, ticket.ticket);
  return { ...base, url: url.toString(), method: 'GET', fields: {} };
}
