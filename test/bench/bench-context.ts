import type { RunningServer } from './bench-server.ts';
import type { BenchAccount } from './portico-client.ts';
import type { WorkerPool } from './worker-pool.ts';

/** How big each scenario is: the full run is the 10,000 PCs; --quick is for CI (no thresholds). */
export interface BenchSizes {
  clients: number;
  workers: number;
  /** Clients started per second in the connect ramp. */
  rampPerSec: number;
  stormWindowMs: number;
  chat: { groupSize: number; durationMs: number; intervalMs: number; settleMs: number };
  crash: { loadMs: number; killAtMs: number; noticeEveryMs: number; chatIntervalMs: number };
  cachedMessages: number;
}

export const fullSizes: BenchSizes = {
  clients: 10_000,
  workers: 3,
  rampPerSec: 250,
  stormWindowMs: 60_000,
  chat: { groupSize: 4, durationMs: 30_000, intervalMs: 8000, settleMs: 20_000 },
  crash: { loadMs: 12_000, killAtMs: 4000, noticeEveryMs: 1500, chatIntervalMs: 8000 },
  cachedMessages: 100_000,
};

export const quickSizes: BenchSizes = {
  clients: 240,
  workers: 2,
  rampPerSec: 240,
  stormWindowMs: 3000,
  chat: { groupSize: 4, durationMs: 3000, intervalMs: 500, settleMs: 5000 },
  crash: { loadMs: 4000, killAtMs: 1500, noticeEveryMs: 700, chatIntervalMs: 1000 },
  cachedMessages: 10_000,
};

export interface BenchContext {
  quick: boolean;
  sizes: BenchSizes;
  pool: WorkerPool;
  dataDir: string;
  port: number;
  accounts: BenchAccount[];
  /** The Portico server process now (replaced by the crash scenario's restart). */
  server: RunningServer;
  publisherToken: string;
  log(line: string): void;
}

/** Splits `items` into `parts` nearly equal runs (worker i gets run i). */
export function shares<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) =>
    items.slice(Math.floor((i * items.length) / parts), Math.floor(((i + 1) * items.length) / parts)),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
