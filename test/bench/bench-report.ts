import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One row of the results: a scenario on one system (Portico, or a baseline for comparison). */
export interface ScenarioResult extends Latency {
  scenario: string;
  system: 'portico' | 'ws' | 'socketio' | 'client';
  clients: number;
  throughputPerSec: number;
  /** What the throughput counts. */
  unit: string;
  errors: number;
  lost: number;
  duplicated: number;
  serverRssMb: number;
  serverCpuPercent: number;
  durationMs: number;
  ratioVsWs?: number;
  ratioVsSocketIo?: number;
  /** The issue's target, in words, and whether this run met it (null: no target, or --quick). */
  target?: string;
  met?: boolean | null;
  notes?: string[];
}

/** Nearest-rank percentiles of a sample (milliseconds); zeros for an empty one. */
export function latency(samples: readonly number[]): Latency {
  if (samples.length === 0) return { p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1]!) };
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function markdownTable(results: readonly ScenarioResult[]): string {
  const head =
    '| Scenario | System | Clients | Throughput | p50 ms | p95 ms | p99 ms | max ms | Errors | Lost | Dup | Server RSS MB | Server CPU % | vs ws | vs Socket.IO | Target | Met |';
  const rule = `|${'---|'.repeat(17)}`;
  const rows = results.map((r) =>
    [
      r.scenario,
      r.system,
      fmt(r.clients),
      `${fmt(r.throughputPerSec)} ${r.unit}`,
      fmt(r.p50Ms, 1),
      fmt(r.p95Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(r.maxMs, 1),
      fmt(r.errors),
      fmt(r.lost),
      fmt(r.duplicated),
      fmt(r.serverRssMb),
      fmt(r.serverCpuPercent),
      r.ratioVsWs === undefined ? '' : `${fmt(r.ratioVsWs, 2)}×`,
      r.ratioVsSocketIo === undefined ? '' : `${fmt(r.ratioVsSocketIo, 2)}×`,
      r.target ?? '',
      r.met === undefined || r.met === null ? '' : r.met ? 'yes' : '**no**',
    ].join(' | '),
  );
  return [head, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}

/** Writes `<name>.json` (the rows and the run's facts) and `<name>.md` under `dir`; returns the Markdown. */
export function writeResults(
  dir: string,
  name: string,
  run: { quick: boolean; startedAt: string; durationMs: number; machine: Record<string, unknown> },
  results: readonly ScenarioResult[],
): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ ...run, results }, null, 2)}\n`);
  const notes = results.flatMap((r) => (r.notes ?? []).map((n) => `- ${r.scenario} (${r.system}): ${n}`));
  const md = [
    `# Portico bench (${run.quick ? 'quick' : 'full'}), ${run.startedAt}`,
    '',
    `Run time ${(run.durationMs / 1000).toFixed(0)} s. Machine: ${Object.entries(run.machine)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}.`,
    '',
    markdownTable(results),
    '',
    ...(notes.length ? ['Notes:', '', ...notes, ''] : []),
  ].join('\n');
  writeFileSync(path.join(dir, `${name}.md`), md);
  return md;
}
