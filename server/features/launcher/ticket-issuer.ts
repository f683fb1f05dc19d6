import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors, jwtVerify } from 'jose';
import type { Clock } from '../../../shared/domain/clock.ts';
import { type IssuedTicket, TICKET_TTL_SECONDS, ticketAudience } from '../../../shared/domain/launcher/index.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { SsoKeyRing } from './sso-key-ring.ts';
import type { SsoTicketRepository, ToolRepository } from './launcher-repositories.ts';

export type RedeemOutcome =
  | { ok: true; sub: string; tool: string; jti: string }
  | { ok: false; reason: 'expired' | 'wrong_audience' | 'invalid' | 'replayed' | 'unknown' };

/**
 * Short-lived single sign-on tickets for web tools: an ES256 JWT for one user and one tool (its
 * audience), valid 60 seconds, with a `jti` a tool accepts once. Every ticket issued is recorded, so
 * a tool that keeps no state can ask the server to redeem it instead (`redeem`).
 */
export class TicketIssuer {
  private readonly deps: {
    gate: WriteGate;
    tickets: SsoTicketRepository;
    keys: SsoKeyRing;
    tools: ToolRepository;
    directory: DirectoryStore;
    clock: Clock;
    issuer: () => string;
  };

  constructor(deps: TicketIssuer['deps']) {
    this.deps = deps;
  }

  /** Only for a tool this user can see, and only if the tool takes tickets. */
  async issue(userId: string, toolId: string): Promise<IssuedTicket> {
    const tool = await this.deps.tools.visibleOne(userId, toolId);
    if (!tool) throw new DomainError('not_found', `no tool ${toolId} for this user`, { toolId });
    const { target } = tool.definition;
    if (target.kind !== 'web' || target.sso.mode === 'none')
      throw new DomainError('invalid_params', `tool ${toolId} does not sign in with a ticket`, { toolId });
    const profile = this.deps.directory.profile(userId);
    if (!profile) throw new DomainError('forbidden', 'no such user');
    const { kid, key } = await this.deps.keys.signingKey();
    const now = this.deps.clock.now();
    const issuedAt = Math.floor(now / 1000);
    const expiresAt = (issuedAt + TICKET_TTL_SECONDS) * 1000;
    const jti = randomUUID();
    const ticket = await new SignJWT({
      name: profile.displayName,
      preferred_username: profile.username,
      department: profile.departmentName,
      roles: profile.roles,
      tool: toolId,
    })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(this.deps.issuer())
      .setSubject(userId)
      .setAudience(ticketAudience(target))
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + TICKET_TTL_SECONDS)
      .setJti(jti)
      .sign(key);
    await this.deps.gate.transaction(() => this.deps.tickets.insert({ jti, userId, toolId, kid, issuedAt: now, expiresAt }));
    return { toolId, ticket, jti, expiresAt };
  }

  /** For tools that keep no state: checks the ticket like a tool would, then marks its jti used (once). */
  async redeem(ticket: string, audience: string): Promise<RedeemOutcome> {
    let payload;
    try {
      ({ payload } = await jwtVerify(ticket, createLocalJWKSet(await this.deps.keys.jwks()), {
        issuer: this.deps.issuer(),
        audience,
        algorithms: ['ES256'],
        currentDate: new Date(this.deps.clock.now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')
        return { ok: false, reason: 'wrong_audience' };
      return { ok: false, reason: 'invalid' };
    }
    const jti = payload.jti;
    const { gate, tickets, clock } = this.deps;
    if (typeof jti !== 'string' || typeof payload.sub !== 'string' || !(await tickets.known(jti)))
      return { ok: false, reason: 'unknown' };
    if (!(await gate.transaction(() => tickets.redeem(jti, clock.now())))) return { ok: false, reason: 'replayed' };
    return { ok: true, sub: payload.sub, tool: String(payload['tool']), jti };
  }

  /** Tickets are kept a day past expiry for the audit trail, then dropped. */
  prune(): Promise<number> {
    const before = this.deps.clock.now() - 24 * 3600_000;
    return this.deps.gate.transaction(() => this.deps.tickets.pruneExpiredBefore(before));
  }
}
