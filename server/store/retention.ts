import type { Logger } from 'pino';
import type { ActionJournal } from '../delivery/action-journal.ts';
import type { UnitOfWork } from '../delivery/write-gate.ts';
import type { EventLog } from '../delivery/event-log.ts';
import type { Every, GuardedTimer } from './guarded-timer.ts';

/** Forgets events and answered actions past the retention period: now, and every hour. */
export function startRetention(deps: {
  log: EventLog;
  journal: ActionJournal;
  gate: UnitOfWork;
  now: () => number;
  retentionMs: number;
  logger: Logger;
  every: Every;
}): GuardedTimer {
  const prune = async () => {
    const events = deps.log.prune(deps.retentionMs);
    const before = deps.now() - deps.retentionMs;
    const actions = await deps.gate.transaction(() => deps.journal.prune(before));
    if (events + actions > 0) deps.logger.info({ events, actions }, 'pruned past retention');
  };
  prune().catch((error: unknown) => deps.logger.error({ err: error }, 'pruning at start failed; the hourly prune tries again'));
  return deps.every('retention prune', 3600_000, prune);
}
