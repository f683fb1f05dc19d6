import { IssuedTicket } from '../../../../shared/domain/launcher/index.ts';
import { problemOf, unreachable } from '../../session/server-problem.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';

export type TicketOutcome = { ok: true; ticket: IssuedTicket } | { ok: false; code: string; message: string };

/** Asks the server for a sign-in ticket over HTTP (signing is asynchronous; the socket's methods are not). */
export async function requestTicket(session: SignedInSession, toolId: string): Promise<TicketOutcome> {
  const token = await session.accessToken(false);
  if (!token) return { ok: false, code: 'signed_out', message: 'the session ended' };
  try {
    const res = await session.net.fetch(`${session.httpUrl}/api/launcher/tools/${encodeURIComponent(toolId)}/ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await res.json();
    if (res.status === 201) {
      const ticket = IssuedTicket.safeParse(body);
      return ticket.success
        ? { ok: true, ticket: ticket.data }
        : { ok: false, code: 'server_error', message: 'malformed ticket' };
    }
    return { ok: false, ...problemOf(res.status, body) };
  } catch (error) {
    return { ok: false, ...unreachable(error) };
  }
}
