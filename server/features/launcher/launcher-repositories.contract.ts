/**
 * What every launcher repository must do, whatever database holds it: the suite an implementation
 * on PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database holding the people and
 * departments named in the harness, and a way to disable a person.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ToolDefinition } from '../../../shared/domain/launcher/index.ts';
import type { SsoKeyRepository, SsoTicketRepository, ToolRepository } from './launcher-repositories.ts';

export interface LauncherRepositoriesHarness {
  tools: ToolRepository;
  keys: SsoKeyRepository;
  tickets: SsoTicketRepository;
  /** `ana` and `ben` are in department `d_sales`, `cai` in `d_ops`; `cai` is an admin. */
  people: { ana: string; ben: string; cai: string };
  disable(userId: string): Promise<void>;
  close(): Promise<void>;
}

const tool = (name: string, extra: Record<string, unknown> = {}) =>
  ToolDefinition.parse({
    ...{ name: { en: name, 'zh-CN': name }, category: { en: 'Office', 'zh-CN': '办公' }, icon: name.slice(0, 1) },
    ...{ target: { kind: 'web', url: `https://${name}.example.com/` }, ...extra },
  });

export function describeLauncherRepositories(name: string, open: () => Promise<LauncherRepositoriesHarness>): void {
  describe(`launcher repositories on ${name}`, () => {
    let h: LauncherRepositoriesHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    describe('ToolRepository', () => {
      it('keeps a tool as defined, lists tools in catalog order, and forgets a removed one', async () => {
        await h.tools.create('t_b', tool('wiki', { position: 20 }), 1_000);
        await h.tools.create('t_a', tool('mail', { position: 10 }), 2_000);
        await h.tools.create('t_c', tool('crm', { position: 20, enabled: false }), 3_000);
        expect(await h.tools.get('t_b')).toEqual({
          id: 't_b',
          definition: tool('wiki', { position: 20 }),
          createdAt: 1_000,
          updatedAt: 1_000,
        });
        expect((await h.tools.all()).map((t) => t.id)).toEqual(['t_a', 't_b', 't_c']);
        expect(await h.tools.remove('t_b', 4_000)).toBe(true);
        expect(await h.tools.remove('t_b', 5_000)).toBe(false);
        expect(await h.tools.get('t_b')).toBeNull();
        expect(await h.tools.update('t_b', tool('wiki'), 6_000)).toBe(false);
        expect((await h.tools.all()).map((t) => t.id)).toEqual(['t_a', 't_c']);
      });

      it('updates a tool in place and dates the change', async () => {
        await h.tools.create('t_a', tool('mail'), 1_000);
        expect(await h.tools.update('t_a', tool('mail', { position: 5, keywords: ['inbox'] }), 2_000)).toBe(true);
        expect(await h.tools.get('t_a')).toMatchObject({ createdAt: 1_000, updatedAt: 2_000, definition: { position: 5 } });
        expect(await h.tools.update('t_none', tool('x'), 2_000)).toBe(false);
      });

      it('shows each person only the enabled tools whose audience takes them in', async () => {
        const { ana, ben, cai } = h.people;
        const none = { everyone: false, departmentIds: [], roles: [], userIds: [] };
        await h.tools.create('t_all', tool('all', { position: 1 }), 1);
        await h.tools.create('t_sales', tool('sales', { position: 2, audience: { ...none, departmentIds: ['d_sales'] } }), 1);
        await h.tools.create('t_ben', tool('ben', { position: 3, audience: { ...none, userIds: [ben] } }), 1);
        await h.tools.create('t_admins', tool('admins', { position: 4, audience: { ...none, roles: ['admin'] } }), 1);
        await h.tools.create('t_off', tool('off', { position: 5, enabled: false }), 1);
        const ids = async (userId: string) => (await h.tools.visibleTo(userId)).map((t) => t.id);
        expect(await ids(ana)).toEqual(['t_all', 't_sales']);
        expect(await ids(ben)).toEqual(['t_all', 't_sales', 't_ben']);
        expect(await ids(cai)).toEqual(['t_all', 't_admins']);
        expect((await h.tools.visibleOne(ben, 't_ben'))?.id).toBe('t_ben');
        expect(await h.tools.visibleOne(ana, 't_ben')).toBeNull();
        expect(await h.tools.visibleOne(ana, 't_off')).toBeNull();
        await h.disable(ana);
        expect(await ids(ana)).toEqual([]);
      });

      it('keeps favourites per person, adding one twice as once', async () => {
        const { ana, ben } = h.people;
        await h.tools.create('t_a', tool('mail'), 1);
        await h.tools.create('t_b', tool('wiki'), 1);
        await h.tools.setFavorite(ana, 't_a', true, 10);
        await h.tools.setFavorite(ana, 't_a', true, 11);
        await h.tools.setFavorite(ana, 't_b', true, 12);
        await h.tools.setFavorite(ben, 't_b', true, 12);
        await h.tools.setFavorite(ana, 't_b', false, 13);
        expect([...(await h.tools.favorites(ana))]).toEqual(['t_a']);
        expect([...(await h.tools.favorites(ben))]).toEqual(['t_b']);
      });

      it('counts a person’s launches per tool since a moment, and everyone’s per tool for adoption', async () => {
        const { ana, ben } = h.people;
        for (const id of ['t_a', 't_b', 't_c']) await h.tools.create(id, tool(id.slice(2)), 1);
        await h.tools.recordLaunch(ana, 't_a', 100, 'palette');
        await h.tools.recordLaunch(ana, 't_a', 300, 'tray');
        await h.tools.recordLaunch(ana, 't_b', 50, 'tray');
        await h.tools.recordLaunch(ben, 't_b', 200, 'tray');
        await h.tools.recordLaunch(ben, 't_b', 250, 'tray');
        expect(Object.fromEntries(await h.tools.usage(ana, 100))).toEqual({ t_a: { count: 2, lastUsedAt: 300 } });
        expect(await h.tools.adoption(100)).toEqual([
          { toolId: 't_a', launches: 2, users: 1, lastLaunchAt: 300 },
          { toolId: 't_b', launches: 2, users: 1, lastLaunchAt: 250 },
          { toolId: 't_c', launches: 0, users: 0, lastLaunchAt: null },
        ]);
      });
    });

    describe('SsoKeyRepository', () => {
      const key = (kid: string, state: 'next' | 'active', now: number) => ({
        kid,
        state,
        publicJwk: JSON.stringify({ kid }),
        privatePem: `pem ${kid}`,
        now,
        activatedAt: state === 'active' ? now : null,
      });

      it('answers the newest key in a state, and retires only the active key, dropping its private half', async () => {
        expect(await h.keys.withState('active')).toBeUndefined();
        await h.keys.insert(key('k1', 'active', 1_000));
        await h.keys.insert(key('k2', 'next', 1_000));
        await h.keys.insert(key('k3', 'next', 2_000));
        expect((await h.keys.withState('next'))?.kid).toBe('k3');
        expect(await h.keys.retire('k2', 3_000, 9_000)).toBe(false);
        expect(await h.keys.retire('k1', 3_000, 9_000)).toBe(true);
        expect(await h.keys.retire('k1', 3_000, 9_000)).toBe(false);
        await h.keys.activate('k3', 3_000);
        expect(await h.keys.withState('active')).toMatchObject({ kid: 'k3', activatedAt: 3_000, privatePem: 'pem k3' });
        const published = await h.keys.published(3_000);
        expect(published.map((k) => [k.kid, k.state])).toEqual([
          ['k3', 'active'],
          ['k2', 'next'],
          ['k1', 'retired'],
        ]);
        expect(published[2]).toMatchObject({ privatePem: null, unpublishAt: 9_000 });
      });

      it('stops publishing a retired key at its moment, and prunes it then', async () => {
        await h.keys.insert(key('k1', 'active', 1_000));
        await h.keys.retire('k1', 2_000, 5_000);
        expect((await h.keys.published(4_999)).map((k) => k.kid)).toEqual(['k1']);
        expect(await h.keys.published(5_000)).toEqual([]);
        await h.keys.prune(4_999);
        await h.keys.insert(key('k2', 'active', 6_000));
        await h.keys.prune(5_000);
        await h.keys.prune(5_000);
        expect((await h.keys.published(0)).map((k) => k.kid)).toEqual(['k2']);
      });
    });

    describe('SsoTicketRepository', () => {
      const ticket = (jti: string, expiresAt: number) => ({
        jti,
        userId: h.people.ana,
        toolId: 't_a',
        kid: 'k1',
        issuedAt: expiresAt - 60_000,
        expiresAt,
      });

      it('redeems a known ticket once', async () => {
        await h.tickets.insert(ticket('j1', 100_000));
        expect(await h.tickets.known('j1')).toBe(true);
        expect(await h.tickets.known('j2')).toBe(false);
        expect(await h.tickets.redeem('j1', 50_000)).toBe(true);
        expect(await h.tickets.redeem('j1', 50_001)).toBe(false);
        expect(await h.tickets.redeem('j2', 50_000)).toBe(false);
      });

      it('prunes the tickets that expired before a moment and says how many', async () => {
        await h.tickets.insert(ticket('j1', 100_000));
        await h.tickets.insert(ticket('j2', 200_000));
        await h.tickets.insert(ticket('j3', 300_000));
        expect(await h.tickets.pruneExpiredBefore(200_001)).toBe(2);
        expect(await h.tickets.pruneExpiredBefore(200_001)).toBe(0);
        expect(await h.tickets.known('j3')).toBe(true);
      });
    });
  });
}
