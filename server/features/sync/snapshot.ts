import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { EventLog } from '../../delivery/event-log.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { ServerFeature } from '../server-feature.ts';

/**
 * Everything a client needs after `resync`: each feature's part (its `snapshot`) and the log's
 * head, read in one unit of work, so the head matches the state exactly: no write commits between
 * two parts (on SQLite the unit holds the write lock; on a networked database it is one
 * transaction). The registry proves at compile time that every part has an owner.
 */
export function buildSnapshot(
  deps: { log: EventLog; gate: WriteGate; directory: DirectoryStore; features: readonly ServerFeature[] },
  userId: string,
): Promise<Snapshot> {
  return deps.gate.transaction(async () => {
    const me = deps.directory.profile(userId);
    if (!me) throw new DomainError('not_found', 'your account no longer exists');
    const parts = [];
    for (const feature of deps.features) parts.push((await feature.snapshot?.(userId)) ?? {});
    return Object.assign({ headSeq: deps.log.position(userId).head, me }, ...parts) as Snapshot;
  });
}
