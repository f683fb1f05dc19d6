import type { Logger } from 'pino';
import { type WriteHealth, storageErrorCode } from './write-health.ts';

export interface GuardedTimer {
  stop(): void;
}

/** How features start a repeating job: `every('notice stats', 1000, () => feed.flush())`. */
export type Every = (name: string, intervalMs: number, work: () => unknown) => GuardedTimer;

/**
 * Runs `work` every `intervalMs` and never lets it stop the process: a failure is logged, reported
 * to the write health when the storage caused it, and the next run waits twice as long (up to a
 * minute), back to the interval after a success. Every server timer that writes runs through this
 * (a lint rule says so): an unguarded timer's SQLITE_FULL once exited the process.
 */
export function everyGuarded(
  name: string,
  intervalMs: number,
  work: () => unknown,
  deps: { logger: Logger; health: WriteHealth },
): GuardedTimer {
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const delay = failures === 0 ? intervalMs : Math.min(60_000, intervalMs * 2 ** failures);
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const failed = (error: unknown) => {
    failures += 1;
    if (storageErrorCode(error)) deps.health.failed(error);
    deps.logger.error({ err: error, timer: name, failures }, `${name} failed; backing off`);
  };
  const run = () => {
    let outcome: unknown;
    try {
      outcome = work();
    } catch (error) {
      failed(error);
      return schedule();
    }
    if (outcome instanceof Promise) {
      outcome.then(
        () => {
          failures = 0;
          schedule();
        },
        (error: unknown) => {
          failed(error);
          schedule();
        },
      );
    } else {
      failures = 0;
      schedule();
    }
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
