import { type ScenarioResult, latency } from './bench-report.ts';
import { type BenchContext, shares, sleep } from './bench-context.ts';
import { publishUrgent, spawnBaseline, stopProcess } from './bench-server.ts';
import { wallNow } from './portico-client.ts';
import { ProcessSampler } from './process-sampler.ts';
import { merge } from './worker-pool.ts';

/** Deliveries per second from the moment the publisher sent to the last arrival. */
const rate = (arrivals: readonly number[], t0: number) =>
  arrivals.length === 0 ? 0 : arrivals.length / ((Math.max(...arrivals) - t0) / 1000);

/**
 * (c) HR publishes an urgent notice to everyone, with acknowledgement required. Timed from the
 * publish request to each PC's arrival; then until the delivery receipts (the PCs' acks) are stored.
 */
export async function urgentNotice(ctx: BenchContext): Promise<ScenarioResult> {
  const { pool, server } = ctx;
  const title = `Urgent: fire drill ${Date.now()}`;
  await pool.all({ op: 'watchNotice', title });
  const sampler = new ProcessSampler(server.child.pid!);
  const t0 = wallNow();
  const published = await publishUrgent(server.url, ctx.publisherToken, title);
  const answeredMs = wallNow() - t0;
  if (published.status !== 201 || !published.noticeId) throw new Error(`publish: HTTP ${published.status}`);
  const got = merge(await pool.all({ op: 'collectNotice', title, timeoutMs: 60_000 }));
  const lastMs = got.arrivals.length ? Math.max(...got.arrivals) - t0 : 0;

  // Delivery receipts: the server stores acknowledged seqs in batches; wait until the stats count them all.
  let delivered = 0;
  const receiptsBy = wallNow() + 30_000;
  while (wallNow() < receiptsBy) {
    const res = await fetch(`${server.url}/api/notices/${published.noticeId}/stats`, {
      headers: { authorization: `Bearer ${ctx.publisherToken}` },
    });
    delivered = ((await res.json()) as { delivered?: number }).delivered ?? 0;
    if (delivered >= got.count) break;
    await sleep(100);
  }
  const receiptsMs = wallNow() - t0;
  const usage = sampler.stop();
  const stats = latency(got.arrivals.map((at) => at - t0));
  ctx.log(
    `  ${got.arrivals.length}/${got.count} have it, last at ${lastMs.toFixed(0)} ms; ${delivered} receipts stored by ${receiptsMs.toFixed(0)} ms`,
  );
  return {
    scenario: 'c. urgent notice fan-out',
    system: 'portico',
    clients: got.count,
    throughputPerSec: rate(got.arrivals, t0),
    unit: 'deliveries/s',
    ...stats,
    errors: delivered >= got.count ? 0 : got.count - delivered,
    lost: got.lost,
    duplicated: got.duplicated,
    serverRssMb: usage.peakRssMb,
    serverCpuPercent: usage.cpuPercent,
    durationMs: lastMs,
    target: 'p99 < 1 s; ≥ 0.7× ws, ≥ 1.5× Socket.IO',
    notes: [
      `publish answered in ${answeredMs.toFixed(0)} ms; every client had it at ${lastMs.toFixed(0)} ms; ${delivered} delivery receipts stored by ${receiptsMs.toFixed(0)} ms (acks are written in batches every 2 s)`,
      `each delivery is a row in that person's event log, written before it is sent (so it survives a crash and resumes); the baselines store nothing`,
      `frame: ${got.frameBytes} bytes of event JSON per client`,
      `generators' own event-loop delay p99 ${got.loopP99Ms.toFixed(0)} ms`,
    ],
  };
}

/** The same broadcast on a baseline server, with a frame of the same size, from the same generators. */
export async function baselineFanout(ctx: BenchContext, kind: 'ws' | 'socketio', frameBytes: number): Promise<ScenarioResult> {
  const { pool, sizes } = ctx;
  const baseline = await spawnBaseline(kind);
  try {
    const split = shares(Array.from({ length: ctx.accounts.length }), pool.size);
    const connected = merge(
      await pool.all((w) => ({
        op: 'baselineConnect',
        kind,
        url: baseline.wsUrl,
        count: split[w]!.length,
        ratePerSec: (sizes.rampPerSec * 2) / pool.size,
      })),
    );
    await sleep(500);
    const marker = `broadcast-${Date.now()}`;
    await pool.all({ op: 'baselineWatch', marker });
    const frame = JSON.stringify({ type: 'event', marker, pad: '' });
    const text = frame.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, frameBytes - frame.length))}"`);
    const sampler = new ProcessSampler(baseline.child.pid!);
    const t0 = wallNow();
    const res = await fetch(`${baseline.url}/broadcast`, { method: 'POST', body: text });
    if (res.status !== 200) throw new Error(`${kind} broadcast: HTTP ${res.status}`);
    const got = merge(await pool.all({ op: 'baselineCollect', marker, timeoutMs: 60_000 }));
    const usage = sampler.stop();
    const lastMs = got.arrivals.length ? Math.max(...got.arrivals) - t0 : 0;
    ctx.log(`  ${kind}: ${got.arrivals.length}/${got.count} have it, last at ${lastMs.toFixed(0)} ms`);
    await pool.all({ op: 'baselineClose' });
    return {
      scenario: 'c. urgent notice fan-out',
      system: kind,
      clients: connected.count,
      throughputPerSec: rate(got.arrivals, t0),
      unit: 'deliveries/s',
      ...latency(got.arrivals.map((at) => at - t0)),
      errors: connected.errors,
      lost: got.lost,
      duplicated: 0,
      serverRssMb: usage.peakRssMb,
      serverCpuPercent: usage.cpuPercent,
      durationMs: lastMs,
      notes: [`${text.length}-byte frame, nothing stored, no receipts`],
    };
  } finally {
    await stopProcess(baseline.child);
  }
}

/** Fills the Portico row's ratios and target check from the baseline rows. */
export function compareFanout(
  portico: ScenarioResult,
  ws: ScenarioResult | null,
  socketIo: ScenarioResult | null,
  quick: boolean,
): void {
  if (ws?.throughputPerSec) portico.ratioVsWs = portico.throughputPerSec / ws.throughputPerSec;
  if (socketIo?.throughputPerSec) portico.ratioVsSocketIo = portico.throughputPerSec / socketIo.throughputPerSec;
  portico.met = quick
    ? null
    : portico.p99Ms < 1000 && (portico.ratioVsWs ?? 0) >= 0.7 && (portico.ratioVsSocketIo ?? 0) >= 1.5 && portico.lost === 0;
}
