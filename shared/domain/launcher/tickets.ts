import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';

/** A sign-in ticket lives one minute: long enough for a slow tool to start, short enough to be useless when leaked. */
export const TICKET_TTL_SECONDS = 60;

/** What the server answers when a client asks to launch a web tool with a ticket. */
export const IssuedTicket = z.object({
  toolId: EntityId,
  ticket: z.string().max(4096),
  jti: z.string().max(64),
  expiresAt: Instant,
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/** The claims a tool finds in a ticket (besides iss, aud, iat, nbf, exp and jti). */
export const TicketClaims = z.object({
  sub: EntityId,
  name: z.string(),
  preferred_username: z.string(),
  department: z.string().nullable(),
  roles: z.array(z.string()),
  tool: EntityId,
});
export type TicketClaims = z.infer<typeof TicketClaims>;

/** How a web tool is opened: the URL with the ticket in its query, or a form POST carrying it. */
export const WebLaunch = z.object({
  toolId: EntityId,
  url: z.string().max(8192),
  method: z.enum(['GET', 'POST']),
  /** Form fields for a POST (the ticket). */
  fields: z.record(z.string(), z.string().max(4096)),
  openIn: z.enum(['window', 'browser']),
  /** The tool's origin: an app window never leaves it. */
  origin: z.string().max(2048),
});
export type WebLaunch = z.infer<typeof WebLaunch>;
