import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CreatedIntegration, IntegrationInfo, IntegrationScope } from '../../../shared/protocol/integration-api.ts';
import type { Db } from '../../store/database.ts';
import type { Integration, IntegrationRepository } from './integration-repository.ts';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface Row {
  id: string;
  name: string;
  scopes: string;
  signing_secret: string;
  created_at: number;
  revoked_at: number | null;
}

/** Other systems' credentials on SQLite: the bearer token stored hashed, the HMAC secret as issued. */
export class IntegrationStore implements IntegrationRepository {
  private readonly insertStmt;
  private readonly byTokenStmt;
  private readonly byIdStmt;
  private readonly listStmt;
  private readonly revokeStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO integrations (id, name, token_hash, signing_secret, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byTokenStmt = db.prepare<[string], Row>('SELECT * FROM integrations WHERE token_hash = ? AND revoked_at IS NULL');
    this.byIdStmt = db.prepare<[string], Row>('SELECT * FROM integrations WHERE id = ?');
    this.listStmt = db.prepare<[], Row>('SELECT * FROM integrations ORDER BY created_at');
    this.revokeStmt = db.prepare<[number, string]>('UPDATE integrations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  async create(name: string, scopes: IntegrationScope[], createdBy: string, now: number): Promise<CreatedIntegration> {
    const id = `i_${randomUUID()}`;
    const token = `pit_${randomBytes(32).toString('base64url')}`;
    const signingSecret = `pws_${randomBytes(32).toString('base64url')}`;
    const unique = [...new Set(scopes)];
    this.insertStmt.run(id, name, hashToken(token), signingSecret, JSON.stringify(unique), createdBy, now);
    return { id, name, scopes: unique, createdAt: now, revokedAt: null, token, signingSecret };
  }

  async authenticate(token: string): Promise<Integration | null> {
    const row = this.byTokenStmt.get(hashToken(token));
    return row ? toIntegration(row) : null;
  }

  async byId(id: string): Promise<(Integration & { revoked: boolean }) | null> {
    const row = this.byIdStmt.get(id);
    return row ? { ...toIntegration(row), revoked: row.revoked_at !== null } : null;
  }

  async list(): Promise<IntegrationInfo[]> {
    return this.listStmt.all().map((row) => ({
      id: row.id,
      name: row.name,
      scopes: JSON.parse(row.scopes) as IntegrationScope[],
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    }));
  }

  async revoke(id: string, now: number): Promise<boolean> {
    return this.revokeStmt.run(now, id).changes === 1;
  }
}

const toIntegration = (row: Row): Integration => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as IntegrationScope[],
  signingSecret: row.signing_secret,
});
