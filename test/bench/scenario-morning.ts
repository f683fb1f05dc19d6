import { type ScenarioResult, latency } from './bench-report.ts';
import { type BenchContext, shares, sleep } from './bench-context.ts';
import { publishUrgent } from './bench-server.ts';
import { wallNow } from './portico-client.ts';
import { ProcessSampler } from './process-sampler.ts';
import { merge } from './worker-pool.ts';

/**
 * (a) 9:00: every PC refreshes its session, connects, and resumes from where it stopped yesterday,
 * replaying the notices published overnight. Then the connections are held and the server's memory read.
 */
export async function morningConnect(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { pool, sizes, server } = ctx;
  // Overnight: two notices to everyone, so each resume replays a little of the log.
  for (const title of ['Overnight: parking closed Tuesday', 'Overnight: new canteen menu']) {
    const published = await publishUrgent(server.url, ctx.publisherToken, title);
    if (published.status !== 201) throw new Error(`overnight notice: HTTP ${published.status}`);
  }
  await sleep(sizes.clients > 1000 ? 3000 : 500); // the fan-out to every log finishes before 9:00

  const sampler = new ProcessSampler(server.child.pid!);
  const started = wallNow();
  const split = shares(ctx.accounts, pool.size);
  const connected = merge(
    await pool.all((w) => ({
      op: 'connect',
      target: { httpUrl: server.url, wsUrl: server.wsUrl },
      accounts: split[w]!,
      ratePerSec: sizes.rampPerSec / pool.size,
    })),
  );
  const elapsed = connected.lastAt - started;
  const usage = sampler.stop();

  // Held: ten seconds of nothing but heartbeats, then the resident set.
  const holdMs = ctx.quick ? 1000 : 10_000;
  const held = new ProcessSampler(server.child.pid!);
  await sleep(holdMs);
  const holding = held.stop();
  ctx.log(
    `  ${connected.count} connected in ${(elapsed / 1000).toFixed(1)} s; held ${holdMs / 1000} s at ${holding.lastRssMb.toFixed(0)} MB`,
  );
  const notes = [
    `ramped at ${sizes.rampPerSec}/s; latency is refresh (HTTP) + WebSocket upgrade + resume until \`resumed\`, 2 notices replayed each`,
    `generators' own event-loop delay p99 ${connected.loopP99Ms.toFixed(0)} ms`,
    ...Object.entries(connected.errorKinds).map(([kind, n]) => `${n} × ${kind}`),
  ];
  return [
    {
      scenario: 'a. connect + auth + resume',
      system: 'portico',
      clients: ctx.accounts.length,
      throughputPerSec: connected.samples.length / (elapsed / 1000),
      unit: 'resumes/s',
      ...latency(connected.samples),
      errors: connected.errors,
      lost: 0,
      duplicated: 0,
      serverRssMb: usage.peakRssMb,
      serverCpuPercent: usage.cpuPercent,
      durationMs: elapsed,
      notes,
    },
    {
      scenario: 'a. connections held',
      system: 'portico',
      clients: connected.count,
      throughputPerSec: 0,
      unit: '',
      ...latency([]),
      errors: connected.errors,
      lost: 0,
      duplicated: 0,
      serverRssMb: holding.peakRssMb,
      serverCpuPercent: holding.cpuPercent,
      durationMs: holdMs,
      target: 'all held, RSS < 600 MB',
      met: ctx.quick ? null : connected.count === ctx.accounts.length && holding.peakRssMb < 600,
    },
  ];
}

/** (b) The 9:00 clock-in storm: every connected PC clocks in once at a random moment of the window. */
export async function clockInStorm(ctx: BenchContext): Promise<ScenarioResult> {
  const { pool, sizes } = ctx;
  const sampler = new ProcessSampler(ctx.server.child.pid!);
  const startAt = wallNow() + 500;
  const storm = merge(await pool.all({ op: 'clockIn', startAt, windowMs: sizes.stormWindowMs }));
  const usage = sampler.stop();
  const elapsed = wallNow() - startAt;
  ctx.log(`  ${storm.samples.length} clock-ins in ${(elapsed / 1000).toFixed(1)} s, ${storm.errors} errors`);
  const stats = latency(storm.samples);
  return {
    scenario: 'b. 9:00 clock-in storm',
    system: 'portico',
    clients: storm.count,
    throughputPerSec: storm.samples.length / (elapsed / 1000),
    unit: 'clock-ins/s',
    ...stats,
    errors: storm.errors,
    lost: 0,
    duplicated: 0,
    serverRssMb: usage.peakRssMb,
    serverCpuPercent: usage.cpuPercent,
    durationMs: elapsed,
    target: `all within ${sizes.stormWindowMs / 1000} s, p99 < 250 ms, 0 errors`,
    met: ctx.quick ? null : stats.p99Ms < 250 && storm.errors === 0 && storm.samples.length === ctx.accounts.length,
    notes: [
      `each PC sends attendance.clockIn (an outbox action with an actionId) once, uniformly spread over the window; latency is request → answer`,
      `generators' own event-loop delay p99 ${storm.loopP99Ms.toFixed(0)} ms`,
      ...Object.entries(storm.errorKinds).map(([kind, n]) => `${n} × ${kind}`),
    ],
  };
}
