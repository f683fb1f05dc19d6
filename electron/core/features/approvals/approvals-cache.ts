import { ApprovalTaskSummary } from '../../../../shared/domain/approval.ts';
import type { CacheDb } from '../../cache/cache-db.ts';

/** Tasks waiting for this user, oldest first. */
export class ApprovalsCache {
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly listStmt;
  private readonly countStmt;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.upsertStmt = db.prepare(
      'INSERT INTO approval_tasks (id, submitted_at, summary) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET summary = excluded.summary',
    );
    this.deleteStmt = db.prepare('DELETE FROM approval_tasks WHERE id = ?');
    this.listStmt = db.prepare<[], { summary: string }>('SELECT summary FROM approval_tasks ORDER BY submitted_at, id');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM approval_tasks');
  }

  upsert(task: ApprovalTaskSummary): void {
    this.upsertStmt.run(task.id, task.submittedAt, JSON.stringify(task));
  }

  remove(taskId: string): void {
    this.deleteStmt.run(taskId);
  }

  replaceAll(tasks: readonly ApprovalTaskSummary[]): void {
    this.db.prepare('DELETE FROM approval_tasks').run();
    for (const task of tasks) this.upsert(task);
  }

  listPending(): ApprovalTaskSummary[] {
    return this.listStmt.all().map((row) => ApprovalTaskSummary.parse(JSON.parse(row.summary)));
  }

  pendingCount(): number {
    return this.countStmt.get()!.n;
  }
}
