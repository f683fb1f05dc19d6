import { type ChildProcess, fork, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { OfficeLoad } from './office-load.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface SoakOptions {
  page: Page;
  simulatedHours: number;
  /** Real milliseconds one simulated minute takes (60,000 is real time). */
  realMsPerMinute: number;
  /** Times a busy office's rate (office-load.ts). */
  multiple: number;
  sampleEveryMinutes: number;
  log?: (line: string) => void;
}

export interface Sample {
  minute: number;
  rendererHeap: number;
  coreHeap: number;
  coreRss: number;
}

export interface SoakResult {
  samples: Sample[];
  /** Least-squares slope after warm-up (the first quarter), in MB per simulated hour. */
  slopes: { rendererHeap: number; coreHeap: number; coreRss: number };
  sent: OfficeLoad['sent'];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** MB per simulated hour: the least-squares slope of `values` over `minutes`. */
export function slopeMbPerHour(minutes: readonly number[], values: readonly number[]): number {
  const n = minutes.length;
  const mx = minutes.reduce((a, b) => a + b, 0) / n;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += (minutes[i]! - mx) * (values[i]! - my);
    den += (minutes[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : ((num / den) * 60) / 1e6;
}

/**
 * Core (the browser host, in its own process) and the renderer (a Chromium page) kept open while a
 * real server pushes an office's notices, chat and presence at `multiple`× a busy day's rate,
 * time compressed; every few simulated minutes both collect garbage and report their heap (and
 * core its RSS). Flat lines after warm-up mean nothing accumulates.
 */
export async function runMemorySoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-soak-'));
  const children: ChildProcess[] = [];
  let load: OfficeLoad | null = null;
  try {
    const server = spawn(
      process.execPath,
      ['server/main.ts', '--port', String(await freePort()), '--data', path.join(dir, 'server'), '--log-level', 'warn', '--demo'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(server);
    const serverUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const ready = /PORTICO_SERVER_READY (\S+)/.exec(out);
        if (ready) resolve(ready[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const host = fork(path.join(root, 'test/soak/probed-host.ts'), [], {
      cwd: root,
      env: { ...process.env, SOAK_SERVER_URL: serverUrl, SOAK_DATA_DIR: path.join(dir, 'host') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(host);
    const launchUrl = await new Promise<string>((resolve, reject) => {
      host.on('message', (message: { ready?: string }) => message.ready && resolve(message.ready));
      host.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    });
    const probeCore = () =>
      new Promise<{ heapUsed: number; rss: number }>((resolve) => {
        const listener = (message: { probe?: { heapUsed: number; rss: number } }) => {
          if (!message.probe) return;
          host.off('message', listener);
          resolve(message.probe);
        };
        host.on('message', listener);
        host.send('probe');
      });
    const { page } = options;
    await page.goto(launchUrl);
    await page.getByTestId('nav-home').waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    const probeRenderer = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    load = await OfficeLoad.start(serverUrl, options.multiple);
    const pagesToVisit = ['nav-home', 'nav-notices', 'nav-chat', 'nav-people', 'nav-approvals'];
    const samples: Sample[] = [];
    const minutes = Math.round(options.simulatedHours * 60);
    const started = performance.now();
    for (let minute = 0; minute < minutes; minute += 1) {
      // The person moves around the app every ten minutes, as someone glancing at it does.
      if (minute % 10 === 0) await page.getByTestId(pagesToVisit[(minute / 10) % pagesToVisit.length]!).click();
      await load.minute(minute);
      if (minute % options.sampleEveryMinutes === 0 || minute === minutes - 1) {
        const [rendererHeap, core] = await Promise.all([probeRenderer(), probeCore()]);
        samples.push({ minute, rendererHeap, coreHeap: core.heapUsed, coreRss: core.rss });
        log(
          `minute ${minute}: renderer heap ${(rendererHeap / 1e6).toFixed(1)} MB, core heap ${(core.heapUsed / 1e6).toFixed(1)} MB, core RSS ${(core.rss / 1e6).toFixed(1)} MB`,
        );
      }
      const wait = started + (minute + 1) * options.realMsPerMinute - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const after = samples.slice(Math.floor(samples.length / 4));
    const x = after.map((s) => s.minute);
    return {
      samples,
      slopes: {
        rendererHeap: slopeMbPerHour(
          x,
          after.map((s) => s.rendererHeap),
        ),
        coreHeap: slopeMbPerHour(
          x,
          after.map((s) => s.coreHeap),
        ),
        coreRss: slopeMbPerHour(
          x,
          after.map((s) => s.coreRss),
        ),
      },
      sent: load.sent,
    };
  } finally {
    load?.close();
    for (const child of children) child.kill('SIGKILL');
    // The host's logs join the others the e2e run checks for secrets (test/e2e/client-logs.ts).
    const logs = path.join(dir, 'host', 'logs');
    if (existsSync(logs))
      cpSync(logs, path.join(root, 'test-results', 'client-logs', `${path.basename(dir)}-soak-host`), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
