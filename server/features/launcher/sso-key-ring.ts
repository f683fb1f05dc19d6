import { randomUUID } from 'node:crypto';
import { type CryptoKey, type JWK, exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';
import type { Clock } from '../../../shared/domain/clock.ts';
import { TICKET_TTL_SECONDS } from '../../../shared/domain/launcher/index.ts';
import type { Db } from '../../store/database.ts';

/** Clocks disagree: a retired key stays published this much longer than its last ticket could live. */
const CLOCK_SKEW_MS = 60_000;

interface KeyRow {
  kid: string;
  state: 'next' | 'active' | 'retired';
  public_jwk: string;
  private_pem: string | null;
  activated_at: number | null;
  unpublish_at: number | null;
}

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
  private readonly sql;
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rotationMs: number;
  private readonly imported = new Map<string, CryptoKey>();

  constructor(db: Db, clock: Clock, rotationMs: number) {
    this.db = db;
    this.clock = clock;
    this.rotationMs = rotationMs;
    this.sql = {
      byState: db.prepare<[string], KeyRow>('SELECT * FROM sso_keys WHERE state = ? ORDER BY created_at DESC LIMIT 1'),
      published: db.prepare<[number], KeyRow>(
        `SELECT * FROM sso_keys WHERE state != 'retired' OR unpublish_at > ?
         ORDER BY CASE state WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, created_at DESC`,
      ),
      insert: db.prepare(
        `INSERT INTO sso_keys (kid, state, public_jwk, private_pem, created_at, activated_at)
         VALUES (@kid, @state, @publicJwk, @privatePem, @now, @activatedAt)`,
      ),
      activate: db.prepare("UPDATE sso_keys SET state = 'active', activated_at = ? WHERE kid = ? AND state = 'next'"),
      retire: db.prepare(
        "UPDATE sso_keys SET state = 'retired', private_pem = NULL, retired_at = ?, unpublish_at = ? WHERE kid = ? AND state = 'active'",
      ),
      prune: db.prepare("DELETE FROM sso_keys WHERE state = 'retired' AND unpublish_at <= ?"),
    };
  }

  /** Makes the first active and next keys on a new server. */
  async ensure(): Promise<void> {
    if (this.sql.byState.get('active') && this.sql.byState.get('next')) return;
    const [first, second] = [await newKey(), await newKey()];
    const now = this.clock.now();
    this.db.transaction(() => {
      if (!this.sql.byState.get('active')) this.sql.insert.run({ ...first, state: 'active', now, activatedAt: now });
      if (!this.sql.byState.get('next')) this.sql.insert.run({ ...second, state: 'next', now, activatedAt: null });
    })();
  }

  /**
   * The next key signs from now on and a new next key is published. Returns false when another
   * node rotated in the meantime (nothing changed here).
   */
  async rotate(options: { revoke?: boolean } = {}): Promise<boolean> {
    const fresh = await newKey();
    const now = this.clock.now();
    return this.db.transaction(() => {
      const active = this.sql.byState.get('active');
      const next = this.sql.byState.get('next');
      if (!active || !next) return false;
      const lastTicketExpires = now + TICKET_TTL_SECONDS * 1000 + CLOCK_SKEW_MS;
      if (this.sql.retire.run(now, options.revoke ? now : lastTicketExpires, active.kid).changes !== 1) return false;
      this.sql.activate.run(now, next.kid);
      this.sql.insert.run({ ...fresh, state: 'next', now, activatedAt: null });
      this.imported.delete(active.kid);
      return true;
    })();
  }

  /** On the sweep: rotates when the active key is older than the rotation period; forgets unpublished keys. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    this.sql.prune.run(now);
    const active = this.sql.byState.get('active');
    if (active?.activated_at !== null && active !== undefined && now - active.activated_at >= this.rotationMs) {
      await this.rotate();
    }
  }

  /** What `/.well-known/jwks.json` serves: the active key, the next one and those still covering tickets. */
  jwks(): PublicJwks {
    return { keys: this.sql.published.all(this.clock.now()).map((row) => JSON.parse(row.public_jwk) as JWK) };
  }

  async signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    const active = this.sql.byState.get('active');
    if (!active?.private_pem) throw new Error('no active signing key: call ensure() at startup');
    let key = this.imported.get(active.kid);
    if (!key) {
      key = await importPKCS8(active.private_pem, 'ES256');
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
