import type {
  ApprovalTaskSummary,
  DoneTaskSummary,
  RequestStatus,
  RequestSummary,
  TaskOutcome,
  TaskVia,
} from '../../../shared/domain/approvals/request.ts';
import type { LocalizedText, TemplateField } from '../../../shared/domain/approvals/template.ts';
import { keyFigure } from '../../../shared/domain/approvals/key-figure.ts';
import type { Db } from '../../store/database.ts';

export type TaskStatus = 'pending' | 'done' | 'cancelled';

export interface TaskRecord {
  id: string;
  requestId: string;
  stepIndex: number;
  approverId: string;
  assigneeId: string;
  via: TaskVia;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  decidedBy: string | null;
  createdAt: number;
  assignedAt: number;
  remindAt: number;
  escalateAt: number;
  remindedAt: number | null;
  escalatedAt: number | null;
  closedAt: number | null;
}

interface TaskRow {
  id: string;
  request_id: string;
  step_index: number;
  approver_id: string;
  assignee_id: string;
  via: TaskVia;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  decided_by: string | null;
  created_at: number;
  assigned_at: number;
  remind_at: number;
  escalate_at: number;
  reminded_at: number | null;
  escalated_at: number | null;
  closed_at: number | null;
}

const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id,
  requestId: r.request_id,
  stepIndex: r.step_index,
  approverId: r.approver_id,
  assigneeId: r.assignee_id,
  via: r.via,
  status: r.status,
  outcome: r.outcome,
  decidedBy: r.decided_by,
  createdAt: r.created_at,
  assignedAt: r.assigned_at,
  remindAt: r.remind_at,
  escalateAt: r.escalate_at,
  remindedAt: r.reminded_at,
  escalatedAt: r.escalated_at,
  closedAt: r.closed_at,
});

interface SummaryRow {
  id: string;
  request_id: string;
  assigned_at: number;
  remind_at: number;
  escalate_at: number;
  via: TaskVia;
  approver_id: string;
  approver_name: string;
  template_key: string;
  template_name: string;
  title: string;
  submitter_id: string;
  submitter_name: string;
  submitted_at: number;
  integration_id: string | null;
  step_name: string;
  template: string;
  form_values: string;
}

const SUMMARY_SELECT = `SELECT t.id, t.request_id, t.assigned_at, t.remind_at, t.escalate_at, t.via, t.approver_id,
    a.display_name AS approver_name, r.template_key, r.template_name, r.title,
    COALESCE(r.submitter_id, r.integration_id) AS submitter_id, COALESCE(su.display_name, i.name) AS submitter_name,
    r.submitted_at, r.integration_id, s.name AS step_name, r.template, r.form_values
  FROM approval_tasks t
  JOIN approval_requests r ON r.id = t.request_id
  JOIN approval_steps s ON s.request_id = t.request_id AND s.step_index = t.step_index
  JOIN users a ON a.id = t.approver_id
  LEFT JOIN users su ON su.id = r.submitter_id
  LEFT JOIN integrations i ON i.id = r.integration_id`;

const toSummary = (r: SummaryRow): ApprovalTaskSummary => ({
  id: r.id,
  requestId: r.request_id,
  templateKey: r.template_key,
  templateName: JSON.parse(r.template_name) as LocalizedText,
  title: r.title,
  submitter: { id: r.submitter_id, name: r.submitter_name },
  submittedAt: r.submitted_at,
  assignedAt: r.assigned_at,
  stepName: JSON.parse(r.step_name) as LocalizedText,
  via: r.via,
  onBehalfOf: r.via === 'direct' ? null : { id: r.approver_id, name: r.approver_name },
  remindAt: r.remind_at,
  escalateAt: r.escalate_at,
  source: r.integration_id ? 'external' : 'portico',
  figure: keyFigure(
    (JSON.parse(r.template) as { fields?: TemplateField[] }).fields ?? [],
    JSON.parse(r.form_values) as Record<string, unknown>,
  ),
});

interface DoneRow {
  id: string;
  request_id: string;
  template_key: string;
  template_name: string;
  title: string;
  submitter_id: string;
  submitter_name: string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  decided_by: string | null;
  decided_by_name: string | null;
  closed_at: number | null;
  assigned_at: number;
}

interface RequestSummaryRow {
  id: string;
  template_key: string;
  template_name: string;
  title: string;
  status: RequestStatus;
  submitted_at: number;
  updated_at: number;
  step_name: string | null;
  waiting: string;
}

/** Tasks and the three inbox views built from them. */
export class TaskStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly ofRequestStmt;
  private readonly closeStmt;
  private readonly reassignStmt;
  private readonly remindedStmt;
  private readonly escalatedStmt;
  private readonly pendingSummariesStmt;
  private readonly summaryStmt;
  private readonly doneStmt;
  private readonly doneOneStmt;
  private readonly requestSummariesStmt;
  private readonly requestSummaryStmt;
  private readonly dueRemindersStmt;
  private readonly dueEscalationsStmt;
  private readonly heldByStmt;
  private readonly heldByProxyForStmt;
  private readonly waitingCountsStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO approval_tasks (id, request_id, step_index, approver_id, assignee_id, via, status, created_at, assigned_at, remind_at, escalate_at)
       VALUES (@id, @requestId, @stepIndex, @approverId, @assigneeId, @via, 'pending', @createdAt, @assignedAt, @remindAt, @escalateAt)`,
    );
    this.getStmt = db.prepare<[string], TaskRow>('SELECT * FROM approval_tasks WHERE id = ?');
    this.ofRequestStmt = db.prepare<[string], TaskRow>(
      'SELECT * FROM approval_tasks WHERE request_id = ? ORDER BY step_index, created_at, id',
    );
    this.closeStmt = db.prepare<[TaskStatus, TaskOutcome, string | null, number, string]>(
      `UPDATE approval_tasks SET status = ?, outcome = ?, decided_by = ?, closed_at = ? WHERE id = ? AND status = 'pending'`,
    );
    this.reassignStmt = db.prepare<[string, TaskVia, number, number, number, string]>(
      `UPDATE approval_tasks SET assignee_id = ?, via = ?, assigned_at = ?, remind_at = ?, reminded_at = NULL,
         escalate_at = max(escalate_at, ?) WHERE id = ?`,
    );
    this.remindedStmt = db.prepare<[number, string]>('UPDATE approval_tasks SET reminded_at = ? WHERE id = ?');
    this.escalatedStmt = db.prepare<[number, string]>('UPDATE approval_tasks SET escalated_at = ? WHERE id = ?');
    this.pendingSummariesStmt = db.prepare<[string], SummaryRow>(
      `${SUMMARY_SELECT} WHERE t.assignee_id = ? AND t.status = 'pending' ORDER BY r.submitted_at, t.id`,
    );
    this.summaryStmt = db.prepare<[string], SummaryRow>(`${SUMMARY_SELECT} WHERE t.id = ?`);
    const doneSelect = `SELECT t.id, t.request_id, r.template_key, r.template_name, r.title,
        COALESCE(r.submitter_id, r.integration_id) AS submitter_id, COALESCE(su.display_name, i.name) AS submitter_name,
        t.status, t.outcome, t.decided_by, d.display_name AS decided_by_name, t.closed_at, t.assigned_at
      FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
      LEFT JOIN users su ON su.id = r.submitter_id LEFT JOIN integrations i ON i.id = r.integration_id
      LEFT JOIN users d ON d.id = t.decided_by`;
    // Done for me: what I closed or what was closed on my tasks, plus what my proxy holds for me now.
    this.doneStmt = db.prepare<[{ user: string; limit: number }], DoneRow>(
      `${doneSelect} WHERE (t.status <> 'pending' AND (t.approver_id = @user OR t.assignee_id = @user))
          OR (t.status = 'pending' AND t.approver_id = @user AND t.assignee_id <> t.approver_id)
        ORDER BY coalesce(t.closed_at, t.assigned_at) DESC LIMIT @limit`,
    );
    this.doneOneStmt = db.prepare<[string], DoneRow>(`${doneSelect} WHERE t.id = ?`);
    const requestSelect = `SELECT r.id, r.template_key, r.template_name, r.title, r.status, r.submitted_at, r.updated_at,
        s.name AS step_name,
        (SELECT json_group_array(u.display_name) FROM approval_tasks t JOIN users u ON u.id = t.assignee_id
          WHERE t.request_id = r.id AND t.status = 'pending') AS waiting
      FROM approval_requests r LEFT JOIN approval_steps s ON s.request_id = r.id AND s.step_index = r.current_step`;
    this.requestSummariesStmt = db.prepare<[string, number], RequestSummaryRow>(
      `${requestSelect} WHERE r.submitter_id = ? ORDER BY r.updated_at DESC LIMIT ?`,
    );
    this.requestSummaryStmt = db.prepare<[string], RequestSummaryRow>(`${requestSelect} WHERE r.id = ?`);
    this.dueRemindersStmt = db.prepare<[number], TaskRow>(
      `SELECT * FROM approval_tasks WHERE status = 'pending' AND reminded_at IS NULL AND remind_at <= ? ORDER BY remind_at LIMIT 500`,
    );
    this.dueEscalationsStmt = db.prepare<[number], TaskRow>(
      `SELECT * FROM approval_tasks WHERE status = 'pending' AND escalated_at IS NULL AND escalate_at <= ? ORDER BY escalate_at LIMIT 500`,
    );
    this.heldByStmt = db.prepare<[string], TaskRow>(
      `SELECT * FROM approval_tasks WHERE assignee_id = ? AND approver_id = assignee_id AND status = 'pending'`,
    );
    this.heldByProxyForStmt = db.prepare<[string], TaskRow>(
      `SELECT * FROM approval_tasks WHERE approver_id = ? AND via = 'proxy' AND status = 'pending'`,
    );
    this.waitingCountsStmt = db.prepare<[], { assignee_id: string; n: number; oldest: number }>(
      `SELECT t.assignee_id, count(*) AS n, min(r.submitted_at) AS oldest FROM approval_tasks t
       JOIN approval_requests r ON r.id = t.request_id WHERE t.status = 'pending' GROUP BY t.assignee_id`,
    );
  }

  insert(task: Omit<TaskRecord, 'status' | 'outcome' | 'decidedBy' | 'remindedAt' | 'escalatedAt' | 'closedAt'>): void {
    this.insertStmt.run(task);
  }

  get(id: string): TaskRecord | null {
    const row = this.getStmt.get(id);
    return row ? toTask(row) : null;
  }

  ofRequest(requestId: string): TaskRecord[] {
    return this.ofRequestStmt.all(requestId).map(toTask);
  }

  /** Closes a pending task; false when it was no longer pending (someone else got there first). */
  close(id: string, status: 'done' | 'cancelled', outcome: TaskOutcome, decidedBy: string | null, at: number): boolean {
    return this.closeStmt.run(status, outcome, decidedBy, at, id).changes === 1;
  }

  reassign(id: string, assigneeId: string, via: TaskVia, at: number, remindAt: number, escalateAt: number): void {
    this.reassignStmt.run(assigneeId, via, at, remindAt, escalateAt, id);
  }

  markReminded(id: string, at: number): void {
    this.remindedStmt.run(at, id);
  }

  markEscalated(id: string, at: number): void {
    this.escalatedStmt.run(at, id);
  }

  pendingFor(assigneeId: string): ApprovalTaskSummary[] {
    return this.pendingSummariesStmt.all(assigneeId).map(toSummary);
  }

  summary(taskId: string): ApprovalTaskSummary | null {
    const row = this.summaryStmt.get(taskId);
    return row ? toSummary(row) : null;
  }

  doneFor(userId: string, limit: number): DoneTaskSummary[] {
    return this.doneStmt.all({ user: userId, limit }).map(toDone);
  }

  done(taskId: string): DoneTaskSummary | null {
    const row = this.doneOneStmt.get(taskId);
    return row ? toDone(row) : null;
  }

  requestsBy(submitterId: string, limit: number): RequestSummary[] {
    return this.requestSummariesStmt.all(submitterId, limit).map(toRequestSummary);
  }

  requestSummary(requestId: string): RequestSummary | null {
    const row = this.requestSummaryStmt.get(requestId);
    return row ? toRequestSummary(row) : null;
  }

  dueReminders(now: number): TaskRecord[] {
    return this.dueRemindersStmt.all(now).map(toTask);
  }

  dueEscalations(now: number): TaskRecord[] {
    return this.dueEscalationsStmt.all(now).map(toTask);
  }

  /** Pending tasks a user holds as their own (what moves to a proxy when they go away). */
  ownPendingHeldBy(userId: string): TaskRecord[] {
    return this.heldByStmt.all(userId).map(toTask);
  }

  /** Pending tasks a proxy holds for this approver (what comes back when they return). */
  heldByProxyFor(approverId: string): TaskRecord[] {
    return this.heldByProxyForStmt.all(approverId).map(toTask);
  }

  waitingCounts(): { assigneeId: string; count: number; oldestSubmittedAt: number }[] {
    return this.waitingCountsStmt.all().map((r) => ({ assigneeId: r.assignee_id, count: r.n, oldestSubmittedAt: r.oldest }));
  }
}

function toDone(r: DoneRow): DoneTaskSummary {
  return {
    taskId: r.id,
    requestId: r.request_id,
    templateKey: r.template_key,
    templateName: JSON.parse(r.template_name) as LocalizedText,
    title: r.title,
    submitter: { id: r.submitter_id, name: r.submitter_name },
    outcome: r.status === 'pending' ? 'delegated' : (r.outcome ?? 'cancelled'),
    decidedBy: r.decided_by && r.decided_by_name ? { id: r.decided_by, name: r.decided_by_name } : null,
    closedAt: r.closed_at ?? r.assigned_at,
  };
}

function toRequestSummary(r: RequestSummaryRow): RequestSummary {
  return {
    id: r.id,
    templateKey: r.template_key,
    templateName: JSON.parse(r.template_name) as LocalizedText,
    title: r.title,
    status: r.status,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    currentStepName: r.status === 'pending' && r.step_name ? (JSON.parse(r.step_name) as LocalizedText) : null,
    waitingOn: JSON.parse(r.waiting) as string[],
  };
}
