import type {
  ApprovalTaskSummary,
  DoneTaskSummary,
  OutOfOffice,
  RequestDetail,
  RequestSummary,
} from '../../../../shared/domain/approvals/request.ts';
import type { CacheDb } from '../../cache/cache-db.ts';
import { ClientState } from '../../cache/client-state.ts';

const HISTORY_KEEP = 500;

/**
 * The client's approvals: what waits for me, what I submitted, what I handled, my out-of-office
 * state, and the details I opened (for reading offline). Rows were validated when they arrived,
 * so reads parse JSON without validating again; a 5,000-task inbox lists in milliseconds.
 */
export class ApprovalsCache {
  private readonly sql;
  private readonly kept: ClientState;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.sql = {
      upsertPending: db.prepare(
        `INSERT INTO approval_pending (id, request_id, submitted_at, summary) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET summary = excluded.summary`,
      ),
      removePending: db.prepare('DELETE FROM approval_pending WHERE id = ?'),
      listPending: db.prepare<[], { summary: string }>('SELECT summary FROM approval_pending ORDER BY submitted_at, id'),
      countPending: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM approval_pending'),
      upsertDone: db.prepare(
        `INSERT INTO approval_done (task_id, request_id, closed_at, summary) VALUES (?, ?, ?, ?)
         ON CONFLICT (task_id) DO UPDATE SET closed_at = excluded.closed_at, summary = excluded.summary`,
      ),
      listDone: db.prepare<[number], { summary: string }>('SELECT summary FROM approval_done ORDER BY closed_at DESC LIMIT ?'),
      trimDone: db.prepare(
        `DELETE FROM approval_done WHERE task_id NOT IN (SELECT task_id FROM approval_done ORDER BY closed_at DESC LIMIT ${HISTORY_KEEP})`,
      ),
      upsertMine: db.prepare(
        `INSERT INTO approval_mine (id, updated_at, summary) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, summary = excluded.summary`,
      ),
      listMine: db.prepare<[number], { summary: string }>('SELECT summary FROM approval_mine ORDER BY updated_at DESC LIMIT ?'),
      saveDetail: db.prepare(
        `INSERT INTO approval_details (request_id, fetched_at, detail) VALUES (?, ?, ?)
         ON CONFLICT (request_id) DO UPDATE SET fetched_at = excluded.fetched_at, detail = excluded.detail`,
      ),
      detail: db.prepare<[string], { detail: string; fetched_at: number }>(
        'SELECT detail, fetched_at FROM approval_details WHERE request_id = ?',
      ),
    };
    this.kept = new ClientState(db);
  }

  upsertPending(task: ApprovalTaskSummary): void {
    this.sql.upsertPending.run(task.id, task.requestId, task.submittedAt, JSON.stringify(task));
  }

  removePending(taskId: string): void {
    this.sql.removePending.run(taskId);
  }

  /** Keeps the newest HISTORY_KEEP rows: trimmed on write, so listing stays a pure read. */
  upsertDone(done: DoneTaskSummary): void {
    this.sql.upsertDone.run(done.taskId, done.requestId, done.closedAt, JSON.stringify(done));
    this.sql.trimDone.run();
  }

  upsertMine(request: RequestSummary): void {
    this.sql.upsertMine.run(request.id, request.updatedAt, JSON.stringify(request));
  }

  setOutOfOffice(value: OutOfOffice | null): void {
    this.setState('outOfOffice', value);
  }

  /** Small values kept for offline use (templates, the people list), as JSON. */
  setState(key: string, value: unknown): void {
    this.kept.set(key, value);
  }

  state<T>(key: string): T | null {
    return this.kept.get<T>(key);
  }

  replaceAll(snapshot: {
    pending: readonly ApprovalTaskSummary[];
    done: readonly DoneTaskSummary[];
    mine: readonly RequestSummary[];
    outOfOffice: OutOfOffice | null;
  }): void {
    this.db.exec('DELETE FROM approval_pending; DELETE FROM approval_done; DELETE FROM approval_mine;');
    for (const task of snapshot.pending) this.upsertPending(task);
    for (const done of snapshot.done) this.upsertDone(done);
    for (const request of snapshot.mine) this.upsertMine(request);
    this.setOutOfOffice(snapshot.outOfOffice);
  }

  listPending(): ApprovalTaskSummary[] {
    return this.sql.listPending.all().map((row) => JSON.parse(row.summary) as ApprovalTaskSummary);
  }

  listDone(limit = HISTORY_KEEP): DoneTaskSummary[] {
    return this.sql.listDone.all(limit).map((row) => JSON.parse(row.summary) as DoneTaskSummary);
  }

  listMine(limit = HISTORY_KEEP): RequestSummary[] {
    return this.sql.listMine.all(limit).map((row) => JSON.parse(row.summary) as RequestSummary);
  }

  pendingCount(): number {
    return this.sql.countPending.get()!.n;
  }

  outOfOffice(): OutOfOffice | null {
    return this.state<OutOfOffice>('outOfOffice');
  }

  saveDetail(detail: RequestDetail, fetchedAt: number): void {
    this.sql.saveDetail.run(detail.id, fetchedAt, JSON.stringify(detail));
  }

  detail(requestId: string): { detail: RequestDetail; fetchedAt: number } | null {
    const row = this.sql.detail.get(requestId);
    return row ? { detail: JSON.parse(row.detail) as RequestDetail, fetchedAt: row.fetched_at } : null;
  }
}
