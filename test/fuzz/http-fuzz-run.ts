import { httpCase } from './http-cases.ts';
import { seededRandom } from './random.ts';
import { sendRaw } from './raw-http.ts';

export interface HttpFuzzReport {
  sent: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  /** Cases answered with a 5xx, or left hanging: each is a defect. */
  failures: { index: number; kind: string; status: number | null; timedOut: boolean }[];
  healthChecks: number;
}

/**
 * Sends `count` generated requests, `parallel` at a time, and after every hundred asks `alive()`
 * (the process still up and /healthz answering); stops at the first failed check.
 */
export async function runHttpFuzz(options: {
  port: number;
  host: string;
  routes: readonly { method: string; path: string }[];
  count: number;
  seed: number;
  parallel?: number;
  alive: () => Promise<boolean>;
}): Promise<HttpFuzzReport> {
  const rng = seededRandom(options.seed);
  const report: HttpFuzzReport = { sent: 0, byKind: {}, byStatus: {}, failures: [], healthChecks: 0 };
  const parallel = options.parallel ?? 16;
  for (let start = 0; start < options.count; start += 100) {
    const batch = Array.from({ length: Math.min(100, options.count - start) }, (_, i) => ({
      index: start + i,
      ...httpCase(rng, options.routes, options.host),
    }));
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < batch.length) {
          const item = batch[next++]!;
          const outcome = await sendRaw(options.port, item.pieces, { endAfter: item.endAfter, timeoutMs: 15_000 });
          report.sent += 1;
          report.byKind[item.kind] = (report.byKind[item.kind] ?? 0) + 1;
          const label = outcome.status === null ? (outcome.timedOut ? 'no answer' : 'closed') : String(outcome.status);
          report.byStatus[label] = (report.byStatus[label] ?? 0) + 1;
          if (outcome.timedOut || (outcome.status !== null && outcome.status >= 500))
            report.failures.push({ index: item.index, kind: item.kind, status: outcome.status, timedOut: outcome.timedOut });
        }
      }),
    );
    report.healthChecks += 1;
    if (!(await options.alive())) {
      report.failures.push({ index: start + batch.length, kind: 'health check', status: null, timedOut: false });
      break;
    }
  }
  return report;
}
