import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { EventLog } from '../../delivery/event-log.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { ServerFeature } from '../server-feature.ts';

/**
 * Everything a client needs after `resync`: each feature's part (its `snapshot`) and the log's
 * head, read in one synchronous pass, so the head matches the state exactly (better-sqlite3 runs
 * it without yielding). The registry proves at compile time that every part has an owner; here a
 * part missing at run time fails loudly instead of sending a snapshot the client would refuse.
 */
export function buildSnapshot(
  deps: { log: EventLog; directory: DirectoryStore; features: readonly ServerFeature[] },
  userId: string,
): Snapshot {
  const me = deps.directory.profile(userId);
  if (!me) throw new DomainError('not_found', 'your account no longer exists');
  const parts = deps.features.map((feature) => feature.snapshot?.(userId) ?? {});
  return Object.assign({ headSeq: deps.log.position(userId).head, me }, ...parts) as Snapshot;
}
