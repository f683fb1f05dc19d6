import { describe, expect, it } from 'vitest';
import { shares } from './bench-context.ts';
import { latency, markdownTable } from './bench-report.ts';
import { WorkerCommand, WorkerReply } from './worker-protocol.ts';
import { merge } from './worker-pool.ts';

describe('bench arithmetic', () => {
  it('takes nearest-rank percentiles, so p99 of 1..100 is 99 and the max is the worst sample', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
    expect(latency(samples)).toEqual({ p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 });
    expect(latency([7])).toEqual({ p50Ms: 7, p95Ms: 7, p99Ms: 7, maxMs: 7 });
    expect(latency([])).toEqual({ p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('splits clients over generators without losing or repeating one', () => {
    const parts = shares(
      Array.from({ length: 10 }, (_, i) => i),
      3,
    );
    expect(parts.map((p) => p.length)).toEqual([3, 3, 4]);
    expect(parts.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('merges the generators’ reports: counts add up, error kinds add up, samples are pooled', () => {
    const one = WorkerReply.parse({
      id: 1,
      ok: true,
      report: { samples: [1, 2], errors: 1, errorKinds: { 'HTTP 429': 1 }, lost: 0 },
    });
    const two = WorkerReply.parse({
      id: 2,
      ok: true,
      report: { samples: [3], errors: 2, errorKinds: { 'HTTP 429': 2 }, lost: 1 },
    });
    if (!one.ok || !two.ok) throw new Error('parsed as failures');
    expect(merge([one.report, two.report])).toMatchObject({
      samples: [1, 2, 3],
      errors: 3,
      errorKinds: { 'HTTP 429': 3 },
      lost: 1,
    });
  });

  it('refuses a malformed command before a generator acts on it', () => {
    expect(WorkerCommand.safeParse({ op: 'clockIn', id: 1, startAt: 'now' }).success).toBe(false);
    expect(WorkerCommand.safeParse({ op: 'teleport', id: 1 }).success).toBe(false);
    expect(WorkerReply.safeParse({ id: 1, ok: true }).success).toBe(false);
  });

  it('marks a missed target in the Markdown table and leaves quick runs unjudged', () => {
    const row = {
      scenario: 'b. storm',
      system: 'portico' as const,
      clients: 10_000,
      throughputPerSec: 166.4,
      unit: 'clock-ins/s',
      ...latency([10, 20, 300]),
      errors: 0,
      lost: 0,
      duplicated: 0,
      serverRssMb: 300,
      serverCpuPercent: 50,
      durationMs: 60_000,
      target: 'p99 < 250 ms',
    };
    const table = markdownTable([
      { ...row, met: false },
      { ...row, met: null },
    ]);
    expect(table).toContain('| b. storm | portico | 10,000 | 166 clock-ins/s | 20.0 | 300.0 | 300.0 | 300.0 |');
    expect(table.split('\n')[2]).toMatch(/\*\*no\*\* \|$/);
    expect(table.split('\n')[3]).toMatch(/p99 < 250 ms \| {2}\|$/);
  });
});
