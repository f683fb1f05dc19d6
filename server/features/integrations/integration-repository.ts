import type { CreatedIntegration, IntegrationInfo, IntegrationScope } from '../../../shared/protocol/integration-api.ts';

/**
 * Other systems' credentials, as the integrations see them: async, so an implementation on a
 * networked database (issue 23) fits the same routes. SQLite's is `integration-store.ts`; every
 * implementation passes `integration-repository.contract.ts`.
 */

export interface Integration {
  id: string;
  name: string;
  scopes: IntegrationScope[];
  signingSecret: string;
}

export interface IntegrationRepository {
  /** A new integration with a fresh bearer token (kept only as a hash) and signing secret, each shown once here. */
  create(name: string, scopes: IntegrationScope[], createdBy: string, now: number): Promise<CreatedIntegration>;
  /** The live integration this bearer token belongs to; null for an unknown or revoked one. */
  authenticate(token: string): Promise<Integration | null>;
  /** Also answers revoked integrations: their pending callbacks are failed, not sent. */
  byId(id: string): Promise<(Integration & { revoked: boolean }) | null>;
  /** Every integration, oldest first, without secrets. */
  list(): Promise<IntegrationInfo[]>;
  /** False when there is no such live integration. */
  revoke(id: string, now: number): Promise<boolean>;
}
