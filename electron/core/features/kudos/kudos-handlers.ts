import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import { KudosCounts } from '../../../../shared/domain/kudos.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { fetchOrKept } from '../../sync/fetch-or-kept.ts';
import type { Act } from '../../sync/action-outcome.ts';

type KudosHandlers = Pick<BridgeHandlers, 'kudos.give' | 'kudos.counts' | 'kudos.recent'>;

/**
 * Thanking a colleague goes through the outbox (sent once, also after a disconnect); the counts
 * come from the server and the copy kept last time while offline; a person's recent thanks only
 * from the server (null offline).
 */
export function kudosHandlers(ctx: { session(): SignedInSession | null; act: Act; changed(): void }): KudosHandlers {
  return {
    'kudos.give': async ({ toUserId, message }) => {
      const outcome = await ctx.act((s) => s.sync.enqueue('kudos.give', { toUserId, message }));
      if (outcome.status === 'done') ctx.changed();
      return outcome;
    },
    'kudos.counts': async () =>
      fetchOrKept(ctx.session(), 'kudos.counts', KudosCounts, (s) => s.sync.request('kudos.counts', {})),
    'kudos.recent': async ({ userId }) => {
      const s = ctx.session();
      if (!s || s.sync.state !== 'online') return null;
      try {
        return (await s.sync.request('kudos.recent', { userId })).kudos;
      } catch {
        return null;
      }
    },
  };
}
