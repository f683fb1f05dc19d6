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
import type { KudosStore } from './kudos-store.ts';

const DAY_MS = 24 * 3600_000;

/** A person thanks a colleague: the colleague hears it at once (a toast) and it counts on their People card. */
export class KudosService {
  private readonly deps: { gate: WriteGate; store: KudosStore; directory: DirectoryStore; clock: Clock };

  constructor(deps: KudosService['deps']) {
    this.deps = deps;
  }

  /** Thanks `toUserId`; refused for oneself, for someone who is not an active colleague, and past the day's limit. */
  give(fromUserId: string, toUserId: string, message: string): Kudos {
    if (fromUserId === toUserId) throw new DomainError('invalid_params', 'you cannot thank yourself', { field: 'toUserId' });
    const { gate, store, directory, clock } = this.deps;
    if (!directory.isActiveUser(toUserId)) throw new DomainError('not_found', `no colleague ${toUserId}`, { toUserId });
    const now = clock.now();
    return gate.write((tx) => {
      // Counted inside the transaction, so two thanks at once cannot both pass the limit's last place.
      if (store.sentAfter(fromUserId, now - DAY_MS) >= KUDOS_PER_DAY_MAX) {
        throw new DomainError('too_soon', `at most ${KUDOS_PER_DAY_MAX} thanks a day`, { limit: KUDOS_PER_DAY_MAX });
      }
      const kudos = store.insert({ id: `k_${randomUUID()}`, fromUserId, toUserId, message, at: now });
      tx.emit([toUserId], { kind: 'kudos.received', kudos });
      return kudos;
    });
  }

  /** Thanks received per person over the last KUDOS_WINDOW_DAYS days. */
  counts(): KudosCounts {
    const since = this.deps.clock.now() - KUDOS_WINDOW_DAYS * DAY_MS;
    return { since, counts: this.deps.store.countsSince(since) };
  }

  /** The newest thanks a colleague received (anyone may see them: thanks are given to be seen). */
  recent(userId: string): Kudos[] {
    return this.deps.store.recentTo(userId, KUDOS_RECENT_MAX);
  }
}
