/**
 * A load generator process (forked by the bench): holds a share of the simulated PCs and does what
 * the orchestrator asks over IPC, answering with latencies and counts. It exits with its parent.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BaselineClients } from './baseline-clients.ts';
import { runChat } from './load-chat.ts';
import { type BenchEvent, PorticoBenchClient, wallNow } from './portico-client.ts';
import { WorkerCommand, type WorkerReport } from './worker-protocol.ts';

const workerIndex = Number(process.env['BENCH_WORKER_INDEX'] ?? 0);
const clients: PorticoBenchClient[] = [];
const baseline = new BaselineClients(workerIndex);
/** Notice titles each client has been sent (a title twice for one client is a duplicate). */
const noticesOf = new Map<PorticoBenchClient, Set<string>>();
const watches = new Map<string, { arrivals: number[]; duplicated: number }>();
let frameBytes = 0;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** Each simulated PC has its own address on the loopback network (127.0.0.0/8), as PCs in an office do. */
const addressOf = (i: number) => `127.${10 + workerIndex}.${Math.floor(i / 250)}.${1 + (i % 250)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function onEvent(client: PorticoBenchClient, event: BenchEvent): void {
  if (event.kind !== 'notice.published') return;
  const notice = event.body['notice'] as { title?: unknown } | undefined;
  const title = typeof notice?.title === 'string' ? notice.title : '';
  let seen = noticesOf.get(client);
  if (!seen) noticesOf.set(client, (seen = new Set()));
  const watch = watches.get(title);
  if (seen.has(title)) {
    if (watch) watch.duplicated++;
    return;
  }
  seen.add(title);
  if (watch) {
    watch.arrivals.push(wallNow());
    if (frameBytes === 0) frameBytes = JSON.stringify(event.body).length;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

function tally(kinds: Record<string, number>, error: unknown): void {
  const key = (error instanceof Error ? error.message : String(error)).slice(0, 60);
  kinds[key] = (kinds[key] ?? 0) + 1;
}

async function handle(command: WorkerCommand): Promise<Partial<WorkerReport>> {
  switch (command.op) {
    case 'connect': {
      const samples: number[] = [];
      const errorKinds: Record<string, number> = {};
      const gapMs = 1000 / command.ratePerSec;
      const started = wallNow();
      const base = clients.length;
      await Promise.all(
        command.accounts.map(async (account, i) => {
          await sleep(Math.max(0, started + i * gapMs - wallNow()));
          const client = new PorticoBenchClient(account, { ...command.target, localAddress: addressOf(base + i) });
          client.onEvent = onEvent;
          const t0 = wallNow();
          try {
            await client.start();
            samples.push(wallNow() - t0);
            clients.push(client);
          } catch (error) {
            tally(errorKinds, error);
            client.close();
          }
        }),
      );
      const errors = command.accounts.length - samples.length;
      return { samples, errors, errorKinds, count: clients.length, lastAt: wallNow() };
    }
    case 'clockIn': {
      const samples: number[] = [];
      const errorKinds: Record<string, number> = {};
      await Promise.all(
        clients.map(async (client) => {
          await sleep(Math.max(0, command.startAt + Math.random() * command.windowMs - wallNow()));
          const outcome = await client.request('attendance.clockIn', { clientTime: Date.now(), offline: false }, true);
          if (outcome.ok) samples.push(outcome.ms);
          else tally(errorKinds, outcome.code);
        }),
      );
      return { samples, errors: clients.length - samples.length, errorKinds, count: clients.length };
    }
    case 'watchNotice':
      watches.set(command.title, { arrivals: [], duplicated: 0 });
      return {};
    case 'collectNotice': {
      const watch = watches.get(command.title) ?? { arrivals: [], duplicated: 0 };
      await until(() => watch.arrivals.length >= clients.length, command.timeoutMs);
      watches.delete(command.title);
      return {
        arrivals: watch.arrivals,
        count: clients.length,
        lost: clients.length - watch.arrivals.length,
        duplicated: watch.duplicated + clients.reduce((sum, c) => sum + c.duplicated, 0),
        frameBytes,
      };
    }
    case 'chat':
      return runChat(clients, command);
    case 'autoReconnect':
      for (const client of clients) client.autoReconnect = command.on;
      return {};
    case 'awaitResumed': {
      const all = await until(() => clients.every((c) => c.resumedAt > command.after), command.timeoutMs);
      const late = clients.filter((c) => c.resumedAt <= command.after).length;
      const back = clients.filter((c) => c.resumedAt > command.after).map((c) => c.resumedAt - command.after);
      return {
        samples: back,
        count: clients.length,
        errors: all ? 0 : late,
        lastAt: Math.max(0, ...clients.map((c) => c.resumedAt)),
      };
    }
    case 'awaitHeads': {
      const head = (c: PorticoBenchClient) => command.heads[c.userId] ?? 0;
      await until(() => clients.every((c) => c.lastSeq >= head(c)), command.timeoutMs);
      const behind = clients.reduce((sum, c) => sum + Math.max(0, head(c) - c.lastSeq), 0);
      return {
        count: clients.length,
        lost: behind + clients.reduce((sum, c) => sum + c.gaps, 0),
        duplicated: clients.reduce((sum, c) => sum + c.duplicated, 0),
        errors: clients.reduce((sum, c) => sum + c.errors + c.resyncs, 0),
      };
    }
    case 'noticeCheck': {
      const missing = clients.filter((c) => command.titles.some((t) => !noticesOf.get(c)?.has(t))).length;
      return { count: clients.length, lost: missing };
    }
    case 'baselineConnect':
      return baseline.connect(command.kind, command.url, command.count, command.ratePerSec);
    case 'baselineWatch':
      baseline.watch(command.marker);
      return {};
    case 'baselineCollect':
      return baseline.collect(command.marker, command.timeoutMs);
    case 'baselineClose':
      await baseline.close();
      return {};
    case 'closeAll':
      for (const client of clients.splice(0)) client.close();
      await baseline.close();
      return {};
  }
}

process.on('message', (raw: unknown) => {
  const parsed = WorkerCommand.safeParse(raw);
  if (!parsed.success) {
    process.send?.({ id: -1, ok: false, error: `bad command: ${parsed.error.message}` });
    return;
  }
  loop.reset();
  handle(parsed.data).then(
    (report) => process.send?.({ id: parsed.data.id, ok: true, report: { ...report, loopP99Ms: loop.percentile(99) / 1e6 } }),
    (error: unknown) =>
      process.send?.({ id: parsed.data.id, ok: false, error: String(error instanceof Error ? error.stack : error) }),
  );
});
// The orchestrator owns this process: when it goes, so does the load.
process.on('disconnect', () => process.exit(0));
