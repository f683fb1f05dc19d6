import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CrashReport = z.object({
  id: z.string(),
  receivedAt: z.number().int(),
  product: z.string(),
  version: z.string(),
  platform: z.string(),
  processType: z.string(),
  /** What the app added (`extra`): the shell, the server it used. */
  annotations: z.record(z.string(), z.string()),
  bytes: z.number().int(),
  /** Where it came from, as the gateway saw it (behind a trusted proxy, the forwarded address). */
  from: z.string(),
});
export type CrashReport = z.infer<typeof CrashReport>;

const ID = /^[0-9a-f-]{36}$/;

/**
 * Crash reports as files under the data folder (`crash-reports/<id>.dmp` and `<id>.json`): a
 * minidump is diagnostic, not business data, so it stays out of the database and its backups.
 * The newest `keep` are kept, none older than `maxAgeMs`.
 */
export class CrashReportStore {
  private readonly dir: string;
  private readonly keep: number;
  private readonly maxAgeMs: number;

  constructor(dataDir: string, options: { keep?: number; maxAgeMs?: number } = {}) {
    this.dir = path.join(dataDir, 'crash-reports');
    this.keep = options.keep ?? 500;
    this.maxAgeMs = options.maxAgeMs ?? 30 * 24 * 3600_000;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  save(report: Omit<CrashReport, 'id' | 'bytes'>, minidump: Buffer): CrashReport {
    const saved: CrashReport = { ...report, id: randomUUID(), bytes: minidump.length };
    writeFileSync(path.join(this.dir, `${saved.id}.dmp`), minidump, { mode: 0o600 });
    writeFileSync(path.join(this.dir, `${saved.id}.json`), JSON.stringify(saved), { mode: 0o600 });
    this.prune(report.receivedAt);
    return saved;
  }

  /** Newest first. */
  list(): CrashReport[] {
    const reports: CrashReport[] = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        const parsed = CrashReport.safeParse(JSON.parse(readFileSync(path.join(this.dir, file), 'utf8')));
        if (parsed.success) reports.push(parsed.data);
      } catch {
        // A half-written report from a crash of our own: skipped.
      }
    }
    return reports.sort((a, b) => b.receivedAt - a.receivedAt);
  }

  minidump(id: string): Buffer | null {
    if (!ID.test(id)) return null;
    try {
      return readFileSync(path.join(this.dir, `${id}.dmp`));
    } catch {
      return null;
    }
  }

  private prune(now: number): void {
    const reports = this.list();
    for (const [index, report] of reports.entries()) {
      if (index < this.keep && now - report.receivedAt <= this.maxAgeMs) continue;
      rmSync(path.join(this.dir, `${report.id}.dmp`), { force: true });
      rmSync(path.join(this.dir, `${report.id}.json`), { force: true });
    }
  }
}
