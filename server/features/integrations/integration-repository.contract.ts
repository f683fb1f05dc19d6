/**
 * What every IntegrationRepository must do, whatever database holds it: the suite an implementation
 * on PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database with one admin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntegrationRepository } from './integration-repository.ts';

export interface IntegrationRepositoryHarness {
  repository: IntegrationRepository;
  adminId: string;
  close(): Promise<void>;
}

export function describeIntegrationRepository(name: string, open: () => Promise<IntegrationRepositoryHarness>): void {
  describe(`IntegrationRepository on ${name}`, () => {
    let h: IntegrationRepositoryHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('creates an integration whose token authenticates it, scopes once each, secrets shown only then', async () => {
      const created = await h.repository.create('ERP', ['tasks:write', 'tasks:write', 'tasks:read'], h.adminId, 1_000);
      expect(created).toMatchObject({ name: 'ERP', scopes: ['tasks:write', 'tasks:read'], createdAt: 1_000, revokedAt: null });
      expect(created.token).toMatch(/^pit_/);
      expect(created.signingSecret).toMatch(/^pws_/);
      expect(await h.repository.authenticate(created.token)).toEqual({
        id: created.id,
        name: 'ERP',
        scopes: ['tasks:write', 'tasks:read'],
        signingSecret: created.signingSecret,
      });
      expect(await h.repository.authenticate(`${created.token}x`)).toBeNull();
      expect(await h.repository.list()).toEqual([
        { id: created.id, name: 'ERP', scopes: ['tasks:write', 'tasks:read'], createdAt: 1_000, revokedAt: null },
      ]);
      expect(JSON.stringify(await h.repository.list())).not.toContain(created.signingSecret);
    });

    it('revokes once: the token stops working, and the integration is still known as revoked', async () => {
      const a = await h.repository.create('ERP', ['tasks:write'], h.adminId, 1_000);
      const b = await h.repository.create('CRM', ['tasks:read'], h.adminId, 2_000);
      expect(await h.repository.revoke(a.id, 3_000)).toBe(true);
      expect(await h.repository.revoke(a.id, 4_000)).toBe(false);
      expect(await h.repository.revoke('i_none', 4_000)).toBe(false);
      expect(await h.repository.authenticate(a.token)).toBeNull();
      expect((await h.repository.authenticate(b.token))?.id).toBe(b.id);
      expect(await h.repository.byId(a.id)).toMatchObject({ id: a.id, revoked: true, signingSecret: a.signingSecret });
      expect((await h.repository.list()).map((i) => [i.name, i.revokedAt])).toEqual([
        ['ERP', 3_000],
        ['CRM', null],
      ]);
      expect(await h.repository.byId('i_none')).toBeNull();
    });
  });
}
