import type { Logger } from 'pino';
import type { ActionJournalStore } from '../delivery/action-journal-store.ts';
import type { EventLog } from '../delivery/event-log.ts';
import type { Every, GuardedTimer } from './guarded-timer.ts';

/** Forgets events and answered actions past the retention period: now, and every hour. */
export function startRetention(deps: {
  log: EventLog;
  journal: ActionJournalStore;
  now: () => number;
  retentionMs: number;
  logger: Logger;
  every: Every;
}): GuardedTimer {
  const prune = () => {
    const events = deps.log.prune(deps.retentionMs);
    const actions = deps.journal.prune(deps.now() - deps.retentionMs);
    if (events + actions > 0) deps.logger.info({ events, actions }, 'pruned past retention');
  };
  try {
    prune();
  } catch (error) {
    deps.logger.error({ err: error }, 'pruning at start failed; the hourly prune tries again');
  }
  return deps.every('retention prune', 3600_000, prune);
}
