import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import { startPorticoServer } from '../../server/app.ts';
import { defaultConfig } from '../../server/config.ts';
import { login, publishNotice } from '../integration/harness.ts';
import { spawnReady } from '../integration/server-process.ts';
import type { BenchAccount } from './portico-client.ts';
import {
  type HistogramSample,
  histogramDelta,
  histogramOf,
  histogramQuantile,
  histogramWorst,
  parseMetrics,
} from '../integration/prometheus-text.ts';

/**
 * A data folder with the demo organisation plus `count` office workers, each with a signed-in
 * device: a session and a refresh token, as yesterday's sign-in left them. Written straight into
 * SQLite (as an HR sync would write accounts) because 10,000 password logins would take 25 minutes
 * of scrypt; the bench's clients then start the way a PC does at 9:00, by refreshing.
 */
export async function seedOffice(dataDir: string, count: number): Promise<BenchAccount[]> {
  // The real server creates the schema and the demo organisation, then goes away.
  const server = await startPorticoServer(
    { ...defaultConfig, demo: true, port: 0, dataDir, logLevel: 'silent' },
    { logger: pino({ level: 'silent' }) },
  );
  await server.close();
  const db = new Database(path.join(dataDir, 'portico.sqlite'));
  const now = Date.now();
  const accounts: BenchAccount[] = [];
  const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
  db.transaction(() => {
    db.prepare("INSERT INTO departments (id, name, leader_id) VALUES ('d_bench', 'Plant', NULL)").run();
    const user = db.prepare(
      `INSERT INTO users (id, username, display_name, department_id, manager_id, password_hash, created_at)
       VALUES (?, ?, ?, 'd_bench', 'u_wang_fang', 'scrypt$disabled', ?)`,
    );
    const session = db.prepare('INSERT INTO sessions (id, user_id, device_name, created_at) VALUES (?, ?, ?, ?)');
    const refresh = db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)');
    for (let i = 0; i < count; i++) {
      const userId = `u_bench_${i}`;
      const sessionId = randomUUID();
      const refreshToken = randomBytes(32).toString('base64url');
      user.run(userId, `bench.${i}`, `Worker ${i}`, now);
      session.run(sessionId, userId, `PC-${i}`, now);
      refresh.run(sha256(refreshToken), sessionId, now + 30 * 24 * 3600_000);
      accounts.push({ userId, refreshToken });
    }
  })();
  db.close();
  return accounts;
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  wsUrl: string;
}

/** `node server/main.ts` on the data folder, resolved once it prints its ready line. */
export function spawnPortico(dataDir: string, port: number, profileDir?: string): Promise<RunningServer> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const args = [
    ...profile,
    'server/main.ts',
    '--port',
    String(port),
    '--data',
    dataDir,
    '--log-level',
    'warn',
    '--access-ttl',
    '3600',
  ];
  return spawnReady(args, /PORTICO_SERVER_READY (\S+)/).then(({ child, url }) => ({
    child,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
  }));
}

/** A baseline broadcast server (bare ws, or Socket.IO) as its own process. */
export function spawnBaseline(kind: 'ws' | 'socketio'): Promise<RunningServer> {
  return spawnReady(['test/bench/baseline-server.ts', kind], /BASELINE_READY (\S+)/).then(({ child, url }) => ({
    child,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
  }));
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Each bench user's log head as the server's database has it (read beside the running server, WAL). */
export function logHeads(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'portico.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT user_id, head_seq FROM user_logs WHERE user_id LIKE 'u_bench_%'").all() as {
      user_id: string;
      head_seq: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.user_id, r.head_seq]));
  } finally {
    db.close();
  }
}

/** HR's access token, by the real password login (one scrypt). */
export async function signInPublisher(url: string): Promise<string> {
  return (await login(url, 'chen.jing')).accessToken;
}

/** Publishes an urgent notice to everyone; resolves with the HTTP status and the notice id. */
export async function publishUrgent(
  url: string,
  token: string,
  title: string,
): Promise<{ status: number; noticeId: string | null }> {
  const res = await publishNotice(url, token, {
    title,
    body: '**Fire drill at 10:00.** Leave by the nearest stairs and gather at the north gate. Lifts are out of service.',
    priority: 'urgent',
    requiresAck: true,
    audience: { everyone: true },
  });
  const body = (await res.json().catch(() => ({}))) as { noticeId?: string };
  return { status: res.status, noticeId: body.noticeId ?? null };
}

/** The loop-delay histogram at the previous call, per server: each call reports the window since. */
const lastDelay = new Map<string, HistogramSample>();

/**
 * The server's event-loop delay since the last call, from its /metrics histogram (the difference of
 * two scrapes, as Prometheus' rate() would take it): p99 interpolated within its bucket, and the
 * worst as the upper bound of the highest bucket that gained an observation.
 */
export async function serverLoopDelay(url: string): Promise<{ p99Ms: number; maxMs: number }> {
  const families = parseMetrics(await (await fetch(`${url}/metrics`)).text());
  const now = histogramOf(families, 'portico_event_loop_delay_seconds');
  if (!now) throw new Error('the server reports no portico_event_loop_delay_seconds histogram');
  const window = histogramDelta(now, lastDelay.get(url));
  lastDelay.set(url, now);
  const p99 = histogramQuantile(0.99, window);
  return { p99Ms: Number.isNaN(p99) ? 0 : p99 * 1000, maxMs: histogramWorst(window) * 1000 };
}
