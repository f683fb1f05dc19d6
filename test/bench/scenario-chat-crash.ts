import { type ScenarioResult, latency } from './bench-report.ts';
import { type BenchContext, sleep } from './bench-context.ts';
import { logHeads, publishUrgent, spawnPortico } from './bench-server.ts';
import { wallNow } from './portico-client.ts';
import { ProcessSampler } from './process-sampler.ts';
import { merge } from './worker-pool.ts';

/** (d) Many small groups talk at once: latency from send to each other member's arrival. */
export async function chatTraffic(ctx: BenchContext): Promise<ScenarioResult> {
  const { pool, sizes } = ctx;
  const sampler = new ProcessSampler(ctx.server.child.pid!);
  const started = wallNow();
  const chat = merge(await pool.all({ op: 'chat', ...sizes.chat }));
  const usage = sampler.stop();
  const elapsed = sizes.chat.durationMs;
  const groups = Math.floor(ctx.accounts.length / sizes.chat.groupSize);
  ctx.log(`  ${chat.count} messages sent, ${chat.samples.length} deliveries, ${chat.lost} lost, ${chat.errors} errors`);
  return {
    scenario: 'd. chat',
    system: 'portico',
    clients: ctx.accounts.length,
    throughputPerSec: chat.samples.length / (elapsed / 1000),
    unit: 'deliveries/s',
    ...latency(chat.samples),
    errors: chat.errors,
    lost: chat.lost,
    duplicated: chat.duplicated,
    serverRssMb: usage.peakRssMb,
    serverCpuPercent: usage.cpuPercent,
    durationMs: wallNow() - started,
    target: '0 lost, 0 duplicated',
    met: ctx.quick ? null : chat.lost === 0 && chat.duplicated === 0,
    notes: [
      `${groups} groups of ${sizes.chat.groupSize}, each sending a message every ${sizes.chat.intervalMs / 1000} s for ${elapsed / 1000} s (${chat.count} messages, ${(chat.count / (elapsed / 1000)).toFixed(0)}/s); latency is send → arrival at each other member`,
      `send → server's answer: ${formatLatency(chat.acks)}`,
      `generators' own event-loop delay p99 ${chat.loopP99Ms.toFixed(0)} ms`,
      ...Object.entries(chat.errorKinds).map(([kind, n]) => `${n} × ${kind}`),
    ],
  };
}

/**
 * (e) The server is killed (SIGKILL) while groups talk and HR publishes, then started again on the
 * same data. Every PC reconnects with the product's backoff, resumes, and resends what was unanswered.
 * Nothing acknowledged may be lost, nothing delivered twice.
 */
export async function crashUnderLoad(ctx: BenchContext): Promise<ScenarioResult> {
  const { pool, sizes } = ctx;
  await pool.all({ op: 'autoReconnect', on: true });
  const sampler = new ProcessSampler(ctx.server.child.pid!);
  const loadEnds = wallNow() + sizes.crash.loadMs;
  const chat = pool.all({
    op: 'chat',
    groupSize: sizes.chat.groupSize,
    durationMs: sizes.crash.loadMs,
    intervalMs: sizes.crash.chatIntervalMs,
    settleMs: 40_000,
  });
  const confirmed: string[] = [];
  let unconfirmed = 0;
  const publishing = (async () => {
    for (let k = 0; wallNow() < loadEnds; k++) {
      const title = `Crash drill ${Date.now()}-${k}`;
      const result = await publishUrgent(ctx.server.url, ctx.publisherToken, title).catch(() => null);
      if (result?.status === 201) confirmed.push(title);
      else unconfirmed++; // refused while the server was down: never confirmed, so not owed to anyone
      await sleep(sizes.crash.noticeEveryMs);
    }
  })();

  await sleep(sizes.crash.killAtMs);
  const killedAt = wallNow();
  ctx.server.child.kill('SIGKILL');
  await new Promise((resolve) => ctx.server.child.once('exit', resolve));
  ctx.server = await spawnPortico(ctx.dataDir, ctx.port);
  const readyAt = wallNow();
  sampler.follow(ctx.server.child.pid!);
  ctx.log(`  killed; restarted in ${(readyAt - killedAt).toFixed(0)} ms`);

  const resumed = merge(await pool.all({ op: 'awaitResumed', after: killedAt, timeoutMs: 60_000 }));
  const everyoneBackMs = resumed.lastAt - killedAt;
  await publishing;
  const talked = merge(await chat);
  await sleep(1000);
  const heads = logHeads(ctx.dataDir);
  const caughtUp = merge(await pool.all({ op: 'awaitHeads', heads, timeoutMs: 30_000 }));
  const notices = merge(await pool.all({ op: 'noticeCheck', titles: confirmed }));
  const usage = sampler.stop();
  await pool.all({ op: 'autoReconnect', on: false });
  const lost = caughtUp.lost + talked.lost + notices.lost;
  ctx.log(
    `  all ${resumed.count - resumed.errors}/${resumed.count} resumed ${(everyoneBackMs / 1000).toFixed(1)} s after the kill; lost ${lost}, duplicated ${caughtUp.duplicated + talked.duplicated}`,
  );
  return {
    scenario: 'e. SIGKILL under load, restart',
    system: 'portico',
    clients: resumed.count,
    throughputPerSec: (resumed.count - resumed.errors) / ((resumed.lastAt - readyAt) / 1000),
    unit: 'resumes/s after restart',
    ...latency(resumed.samples),
    errors: resumed.errors + caughtUp.errors,
    lost,
    duplicated: caughtUp.duplicated + talked.duplicated,
    serverRssMb: usage.peakRssMb,
    serverCpuPercent: usage.cpuPercent,
    durationMs: everyoneBackMs,
    target: '0 lost, 0 duplicated, all caught up < 30 s',
    met: ctx.quick
      ? null
      : lost === 0 && caughtUp.duplicated + talked.duplicated === 0 && resumed.errors === 0 && everyoneBackMs < 30_000,
    notes: [
      `latency: kill → each PC's \`resumed\`; the server was back ${(readyAt - killedAt).toFixed(0)} ms after the kill; all resumed at ${(everyoneBackMs / 1000).toFixed(1)} s`,
      `load: ${talked.count} chat messages (${talked.acks.length} answered, unanswered ones resent with the same actionId after the restart) and ${confirmed.length} confirmed notices (${unconfirmed} publishes refused while down)`,
      `lost = log gaps or PCs behind their log head (${caughtUp.lost}) + chat messages answered but not delivered to every member (${talked.lost}) + PCs missing a confirmed notice (${notices.lost})`,
    ],
  };
}

function formatLatency(samples: readonly number[]): string {
  const l = latency(samples);
  return `p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms`;
}
