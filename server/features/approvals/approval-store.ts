import type { ApprovalTaskSummary } from '../../../shared/domain/approval.ts';
import type { Db } from '../../store/database.ts';

/** The foundation's slice of approvals: what waits for a user. Workflows arrive with the approvals issue. */
export class ApprovalStore {
  private readonly pendingStmt;
  private readonly taskStmt;
  private readonly insertRequestStmt;
  private readonly insertTaskStmt;

  constructor(db: Db) {
    const select = `SELECT t.id, t.request_id, r.template_key, r.title, u.display_name AS submitter_name, r.submitted_at
                    FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id JOIN users u ON u.id = r.submitter_id`;
    this.pendingStmt = db.prepare<[string], TaskRow>(
      `${select} WHERE t.approver_id = ? AND t.status = 'pending' ORDER BY r.submitted_at`,
    );
    this.taskStmt = db.prepare<[string], TaskRow>(`${select} WHERE t.id = ?`);
    this.insertRequestStmt = db.prepare(
      `INSERT INTO approval_requests (id, template_key, title, submitter_id, submitted_at, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
    );
    this.insertTaskStmt = db.prepare(
      `INSERT INTO approval_tasks (id, request_id, approver_id, status, created_at) VALUES (?, ?, ?, 'pending', ?)`,
    );
  }

  pendingFor(userId: string): ApprovalTaskSummary[] {
    return this.pendingStmt.all(userId).map(toSummary);
  }

  task(taskId: string): ApprovalTaskSummary | null {
    const row = this.taskStmt.get(taskId);
    return row ? toSummary(row) : null;
  }

  insertRequest(r: { id: string; templateKey: string; title: string; submitterId: string; submittedAt: number }): void {
    this.insertRequestStmt.run(r.id, r.templateKey, r.title, r.submitterId, r.submittedAt);
  }

  insertTask(t: { id: string; requestId: string; approverId: string; createdAt: number }): void {
    this.insertTaskStmt.run(t.id, t.requestId, t.approverId, t.createdAt);
  }
}

interface TaskRow {
  id: string;
  request_id: string;
  template_key: string;
  title: string;
  submitter_name: string;
  submitted_at: number;
}

const toSummary = (row: TaskRow): ApprovalTaskSummary => ({
  id: row.id,
  requestId: row.request_id,
  templateKey: row.template_key,
  title: row.title,
  submitterName: row.submitter_name,
  submittedAt: row.submitted_at,
});
