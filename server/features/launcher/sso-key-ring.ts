import { randomUUID } from 'node:crypto';
import { type CryptoKey, type JWK, exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';
import type { Clock } from '../../../shared/domain/clock.ts';
import { TICKET_TTL_SECONDS } from '../../../shared/domain/launcher/index.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { SsoKeyRepository } from './launcher-repositories.ts';

/** Clocks disagree: a retired key stays published this much longer than its last ticket could live. */
const CLOCK_SKEW_MS = 60_000;

export interface PublicJwks {
  keys: JWK[];
}

/**
 * The ES256 keys that sign launch tickets, kept in the database so every server node signs with the
 * same one. Rotation never breaks a ticket in flight, and never surprises a tool with a cached JWKS:
 *
 *   next ──rotate──► active ──rotate──► retired ──(its last ticket expired)──► gone
 *
 * The next key is published a whole rotation period before it signs anything, so a tool that fetched
 * the JWKS at any time in that period already knows it. A retired key loses its private half at once
 * and stays published until every ticket it signed has expired. `revoke` (a leaked key) unpublishes
 * it at once instead, which is the point: its tickets must stop working.
 */
export class SsoKeyRing {
  private readonly store: SsoKeyRepository;
  private readonly gate: WriteGate;
  private readonly clock: Clock;
  private readonly rotationMs: number;
  private readonly imported = new Map<string, CryptoKey>();

  constructor(deps: { keys: SsoKeyRepository; gate: WriteGate; clock: Clock; rotationMs: number }) {
    this.store = deps.keys;
    this.gate = deps.gate;
    this.clock = deps.clock;
    this.rotationMs = deps.rotationMs;
  }

  /** Makes the first active and next keys on a new server. */
  async ensure(): Promise<void> {
    if ((await this.store.withState('active')) && (await this.store.withState('next'))) return;
    const [first, second] = [await newKey(), await newKey()];
    const now = this.clock.now();
    // One unit of work: two nodes starting at once leave one active and one next key.
    await this.gate.transaction(async () => {
      if (!(await this.store.withState('active'))) await this.store.insert({ ...first, state: 'active', now, activatedAt: now });
      if (!(await this.store.withState('next'))) await this.store.insert({ ...second, state: 'next', now, activatedAt: null });
    });
  }

  /**
   * The next key signs from now on and a new next key is published. Returns false when another
   * node rotated in the meantime (nothing changed here).
   */
  async rotate(options: { revoke?: boolean } = {}): Promise<boolean> {
    const fresh = await newKey();
    const now = this.clock.now();
    // The key is made before the unit of work: a transaction holds no I/O but storage's own.
    return this.gate.transaction(async () => {
      const active = await this.store.withState('active');
      const next = await this.store.withState('next');
      if (!active || !next) return false;
      const lastTicketExpires = now + TICKET_TTL_SECONDS * 1000 + CLOCK_SKEW_MS;
      if (!(await this.store.retire(active.kid, now, options.revoke ? now : lastTicketExpires))) return false;
      await this.store.activate(next.kid, now);
      await this.store.insert({ ...fresh, state: 'next', now, activatedAt: null });
      this.imported.delete(active.kid);
      return true;
    });
  }

  /** On the sweep: rotates when the active key is older than the rotation period; forgets unpublished keys. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    await this.gate.transaction(() => this.store.prune(now));
    const active = await this.store.withState('active');
    if (active?.activatedAt !== null && active !== undefined && now - active.activatedAt >= this.rotationMs) {
      await this.rotate();
    }
  }

  /** What `/.well-known/jwks.json` serves: the active key, the next one and those still covering tickets. */
  async jwks(): Promise<PublicJwks> {
    return { keys: (await this.store.published(this.clock.now())).map((row) => JSON.parse(row.publicJwk) as JWK) };
  }

  async signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    const active = await this.store.withState('active');
    if (!active?.privatePem) throw new Error('no active signing key: call ensure() at startup');
    let key = this.imported.get(active.kid);
    if (!key) {
      key = await importPKCS8(active.privatePem, 'ES256');
      this.imported.set(active.kid, key);
    }
    return { kid: active.kid, key };
  }
}

async function newKey(): Promise<{ kid: string; publicJwk: string; privatePem: string }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, publicJwk: JSON.stringify(jwk), privatePem: await exportPKCS8(privateKey) };
}
