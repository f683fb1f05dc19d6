/**
 * `npm run bench` (full: 10,000 PCs, about 10 minutes) or `npm run bench -- --quick` (CI: a few
 * hundred PCs, under a minute, no thresholds). A real server process on loopback, load from
 * separate generator processes, the same fan-out on a bare ws server and on Socket.IO, then the
 * desktop cache and the renderer bundle. Writes test/bench/results/<full|quick>.{json,md}; a run with
 * --only writes partial.{json,md} instead, so digging never overwrites the full run's committed results.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../integration/server-process.ts';
import { type BenchContext, fullSizes, quickSizes } from './bench-context.ts';
import { type ScenarioResult, markdownTable, writeResults } from './bench-report.ts';
import { seedOffice, serverLoopDelay, signInPublisher, spawnPortico, stopProcess } from './bench-server.ts';
import { cacheTimings, rendererBundle } from './client-side.ts';
import { chatTraffic, crashUnderLoad } from './scenario-chat-crash.ts';
import { baselineFanout, compareFanout, urgentNotice } from './scenario-fanout.ts';
import { clockInStorm, morningConnect } from './scenario-morning.ts';
import { WorkerPool } from './worker-pool.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string' },
    workers: { type: 'string' },
    /** Scenarios to run after (a), comma-separated: b,c,d,e,client (default all). */
    only: { type: 'string' },
    /** Write the server's CPU profile (node --cpu-prof) into this folder. */
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log('npm run bench [-- --quick] [--clients N] [--workers N] [--only b,c,d,e,client] [--profile <dir>]');
  process.exit(0);
}
const quick = values.quick;
const only = values.only?.split(',').map((s) => s.trim());
const wanted = (scenario: string) => !only || only.includes(scenario);
const sizes = { ...(quick ? quickSizes : fullSizes) };
if (values.clients) sizes.clients = Number(values.clients);
if (values.workers) sizes.workers = Number(values.workers);

// Bounded: whatever happens, the bench stops by itself.
const limitMs = quick ? 120_000 : 30 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${limitMs / 1000} s; stopping`);
  process.exit(1);
}, limitMs);
watchdog.unref();

const log = (line: string) => console.log(line);
const startedAt = new Date();
const t0 = performance.now();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-bench-'));
const results: ScenarioResult[] = [];
let pool: WorkerPool | null = null;
let ctx: BenchContext | null = null;

try {
  log(
    `Portico bench (${quick ? 'quick' : 'full'}): ${sizes.clients} PCs from ${sizes.workers} generator processes, ${os.cpus().length} cores`,
  );
  const accounts = await seedOffice(dataDir, sizes.clients);
  const port = await freePort();
  const server = await spawnPortico(dataDir, port, values.profile ? path.resolve(values.profile) : undefined);
  pool = new WorkerPool(sizes.workers);
  ctx = { quick, sizes, pool, dataDir, port, accounts, server, publisherToken: await signInPublisher(server.url), log };

  const c = ctx;
  /** Runs a scenario with the server's event-loop delay over it added to its notes. */
  const run = async (title: string, scenario: () => Promise<ScenarioResult | ScenarioResult[]>) => {
    log(title);
    await serverLoopDelay(c.server.url);
    const rows = [await scenario()].flat();
    const delay = await serverLoopDelay(c.server.url).catch(() => null);
    if (delay)
      for (const row of rows)
        row.notes = [
          ...(row.notes ?? []),
          `server event-loop delay p99 ${delay.p99Ms.toFixed(0)} ms, worst ≤ ${delay.maxMs.toFixed(0)} ms`,
        ];
    results.push(...rows);
    return rows;
  };
  await run('a. connect + auth + resume', () => morningConnect(c));
  if (wanted('b')) await run('b. 9:00 clock-in storm', () => clockInStorm(c));
  const fanout = wanted('c') ? (await run('c. urgent notice to everyone online', () => urgentNotice(c)))[0]! : null;
  if (wanted('d')) await run('d. chat', () => chatTraffic(c));
  if (wanted('e')) {
    log('e. SIGKILL under load');
    results.push(await crashUnderLoad(c));
  }
  await pool.all({ op: 'closeAll' });
  await stopProcess(ctx.server.child);

  if (fanout) {
    log('c. the same fan-out on the baselines');
    const frameBytes = Number(/frame: (\d+) bytes/.exec(fanout.notes?.join(' ') ?? '')?.[1] ?? 1000) + 40;
    const ws = await baselineFanout(ctx, 'ws', frameBytes);
    const socketIo = await baselineFanout(ctx, 'socketio', frameBytes);
    results.push(ws, socketIo);
    compareFanout(fanout, ws, socketIo, quick);
  }

  if (wanted('client')) {
    log('client side');
    results.push(...cacheTimings(sizes.cachedMessages, quick));
    const dist = path.join(root, 'dist/renderer');
    // The full run measures this source; a quick run (CI, right after the test build) takes what is there.
    if (!quick || !existsSync(path.join(dist, 'index.html'))) {
      log('  building the renderer (vite build)');
      execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
    results.push(rendererBundle(dist, quick));
  }
} finally {
  pool?.close();
  if (ctx) await stopProcess(ctx.server.child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

const durationMs = performance.now() - t0;
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  generators: sizes.workers,
};
const resultName = quick ? 'quick' : only ? 'partial' : 'full';
writeResults(
  path.join(import.meta.dirname, 'results'),
  resultName,
  {
    quick,
    startedAt: startedAt.toISOString(),
    durationMs,
    machine,
  },
  results,
);
console.log(`\n${markdownTable(results)}\n`);
const missed = results.filter((r) => r.met === false);
console.log(
  `bench finished in ${(durationMs / 1000).toFixed(0)} s; results in test/bench/results/${resultName}.{json,md}` +
    (quick
      ? ' (quick: no thresholds)'
      : `; targets missed: ${missed.length ? missed.map((r) => r.scenario).join('; ') : 'none'}`),
);
// Lost or duplicated events are never acceptable, quick or not.
const broken = results.filter((r) => r.lost > 0 || r.duplicated > 0);
if (broken.length) {
  console.error(`bench: lost or duplicated events in ${broken.map((r) => `${r.scenario} (${r.system})`).join(', ')}`);
  process.exit(1);
}
process.exit(0);
