import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import {
  KUDOS_PER_DAY_MAX,
  KUDOS_RECENT_MAX,
  KUDOS_WINDOW_DAYS,
  type Kudos,
  type KudosCounts,
} from '../../../shared/domain/kudos.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { KudosRepository } from './kudos-repository.ts';

const DAY_MS = 24 * 3600_000;

/** A person thanks a colleague: the colleague hears it at once (a toast) and it counts on their People card. */
export class KudosService {
  private readonly deps: { gate: WriteGate; store: KudosRepository; directory: DirectoryStore; clock: Clock };

  constructor(deps: KudosService['deps']) {
    this.deps = deps;
  }

  /** Thanks `toUserId`; refused for oneself, for someone who is not an active colleague, and past the day's limit. */
  async give(fromUserId: string, toUserId: string, message: string): Promise<Kudos> {
    if (fromUserId === toUserId) throw new DomainError('invalid_params', 'you cannot thank yourself', { field: 'toUserId' });
    const { gate, store, directory, clock } = this.deps;
    if (!directory.isActiveUser(toUserId)) throw new DomainError('not_found', `no colleague ${toUserId}`, { toUserId });
    const now = clock.now();
    // One async unit of work (joined by the request's own, which holds the action journal's entry).
    return gate.transaction(async (tx) => {
      // Counted inside the unit, so two thanks at once cannot both take the limit's last place.
      if ((await store.sentAfter(fromUserId, now - DAY_MS)) >= KUDOS_PER_DAY_MAX) {
        throw new DomainError('too_soon', `at most ${KUDOS_PER_DAY_MAX} thanks a day`, { limit: KUDOS_PER_DAY_MAX });
      }
      const kudos = await store.insert({ id: `k_${randomUUID()}`, fromUserId, toUserId, message, at: now });
      await tx.emit([toUserId], { kind: 'kudos.received', kudos });
      return kudos;
    });
  }

  /** Thanks received per person over the last KUDOS_WINDOW_DAYS days. */
  async counts(): Promise<KudosCounts> {
    const since = this.deps.clock.now() - KUDOS_WINDOW_DAYS * DAY_MS;
    return { since, counts: await this.deps.store.countsSince(since) };
  }

  /** The newest thanks a colleague received (anyone may see them: thanks are given to be seen). */
  recent(userId: string): Promise<Kudos[]> {
    return this.deps.store.recentTo(userId, KUDOS_RECENT_MAX);
  }
}
