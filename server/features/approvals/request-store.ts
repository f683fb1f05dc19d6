import type { FormValues } from '../../../shared/domain/approvals/form.ts';
import type {
  AttachmentRef,
  DisplayField,
  HistoryAction,
  RequestStatus,
  StepStatus,
} from '../../../shared/domain/approvals/request.ts';
import type { LocalizedText, StepMode, TemplateField } from '../../../shared/domain/approvals/template.ts';
import type { Db } from '../../store/database.ts';

/** What a request keeps of its template: enough to show and route it after the template changes. */
export interface TemplateSnapshot {
  name: LocalizedText;
  fields: TemplateField[];
  sla: { remindAfterHours: number; escalateAfterHours: number };
}

export interface RequestRecord {
  id: string;
  templateKey: string;
  templateVersion: number;
  template: TemplateSnapshot;
  title: string;
  submitterId: string | null;
  submittedAt: number;
  updatedAt: number;
  status: RequestStatus;
  values: FormValues;
  display: DisplayField[];
  currentStep: number | null;
  integrationId: string | null;
  externalId: string | null;
  link: string | null;
  callbackUrl: string | null;
}

export interface StepRecord {
  requestId: string;
  index: number;
  name: LocalizedText;
  mode: StepMode;
  status: StepStatus;
  approverIds: string[];
}

export interface HistoryRecord {
  id: string;
  requestId: string;
  at: number;
  action: HistoryAction;
  actorId: string | null;
  onBehalfOf: string | null;
  text: string | null;
  attachments: AttachmentRef[];
}

interface RequestRow {
  id: string;
  template_key: string;
  template_version: number;
  template: string;
  title: string;
  submitter_id: string | null;
  submitted_at: number;
  updated_at: number;
  status: RequestStatus;
  form_values: string;
  display: string;
  current_step: number | null;
  integration_id: string | null;
  external_id: string | null;
  link: string | null;
  callback_url: string | null;
}

const toRequest = (row: RequestRow): RequestRecord => ({
  id: row.id,
  templateKey: row.template_key,
  templateVersion: row.template_version,
  template: JSON.parse(row.template) as TemplateSnapshot,
  title: row.title,
  submitterId: row.submitter_id,
  submittedAt: row.submitted_at,
  updatedAt: row.updated_at,
  status: row.status,
  values: JSON.parse(row.form_values) as FormValues,
  display: JSON.parse(row.display) as DisplayField[],
  currentStep: row.current_step,
  integrationId: row.integration_id,
  externalId: row.external_id,
  link: row.link,
  callbackUrl: row.callback_url,
});

/** An approved leave request's dates, read from its form (attendance counts these days as leave). */
export interface ApprovedLeave {
  submitterId: string;
  start: string;
  end: string;
  startHalf: string | null;
  endHalf: string | null;
}

/** Requests, their resolved chain of steps, and the audit trail. Prepared statements only. */
export class RequestStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly byExternalStmt;
  private readonly bySubmitterStmt;
  private readonly setStatusStmt;
  private readonly insertStepStmt;
  private readonly stepsStmt;
  private readonly setStepStatusStmt;
  private readonly insertHistoryStmt;
  private readonly historyStmt;
  private readonly approvedLeaveStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO approval_requests (id, template_key, template_version, template, template_name, title, submitter_id,
         submitted_at, updated_at, status, form_values, display, current_step, integration_id, external_id, link, callback_url)
       VALUES (@id, @templateKey, @templateVersion, @template, @templateName, @title, @submitterId, @submittedAt, @updatedAt,
         @status, @values, @display, @currentStep, @integrationId, @externalId, @link, @callbackUrl)`,
    );
    this.getStmt = db.prepare<[string], RequestRow>('SELECT * FROM approval_requests WHERE id = ?');
    this.bySubmitterStmt = db.prepare<[string], RequestRow>(
      'SELECT * FROM approval_requests WHERE submitter_id = ? ORDER BY submitted_at, id',
    );
    this.byExternalStmt = db.prepare<[string, string], RequestRow>(
      'SELECT * FROM approval_requests WHERE integration_id = ? AND external_id = ?',
    );
    this.setStatusStmt = db.prepare<[RequestStatus, number | null, number, string]>(
      'UPDATE approval_requests SET status = ?, current_step = ?, updated_at = ? WHERE id = ?',
    );
    this.insertStepStmt = db.prepare<[string, number, string, StepMode, StepStatus, string]>(
      'INSERT INTO approval_steps (request_id, step_index, name, mode, status, approvers) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.stepsStmt = db.prepare<
      [string],
      { request_id: string; step_index: number; name: string; mode: StepMode; status: StepStatus; approvers: string }
    >('SELECT * FROM approval_steps WHERE request_id = ? ORDER BY step_index');
    this.setStepStatusStmt = db.prepare<[StepStatus, string, number]>(
      'UPDATE approval_steps SET status = ? WHERE request_id = ? AND step_index = ?',
    );
    this.insertHistoryStmt = db.prepare<
      [string, string, number, HistoryAction, string | null, string | null, string | null, string]
    >(
      'INSERT INTO approval_history (id, request_id, at, action, actor_id, on_behalf_of, text, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.historyStmt = db.prepare<
      [string],
      {
        id: string;
        request_id: string;
        at: number;
        action: HistoryAction;
        actor_id: string | null;
        on_behalf_of: string | null;
        text: string | null;
        attachments: string;
      }
    >('SELECT * FROM approval_history WHERE request_id = ? ORDER BY at, rowid');
    this.approvedLeaveStmt = db.prepare<[string, string, string], ApprovedLeave>(
      `SELECT submitter_id AS submitterId, json_extract(form_values, '$.start') AS start,
              json_extract(form_values, '$.end') AS end, json_extract(form_values, '$.startHalf') AS startHalf,
              json_extract(form_values, '$.endHalf') AS endHalf
       FROM approval_requests
       WHERE template_key = 'leave' AND status = 'approved'
         AND submitter_id IN (SELECT value FROM json_each(?))
         AND json_extract(form_values, '$.start') <= ? AND json_extract(form_values, '$.end') >= ?`,
    );
  }

  /** Approved leave requests of these people that overlap [from, to] (`YYYY-MM-DD`), as their forms said. */
  approvedLeave(userIds: readonly string[], from: string, to: string): ApprovedLeave[] {
    return this.approvedLeaveStmt.all(JSON.stringify(userIds), to, from);
  }

  insert(request: RequestRecord): void {
    this.insertStmt.run({
      ...request,
      template: JSON.stringify(request.template),
      templateName: JSON.stringify(request.template.name),
      values: JSON.stringify(request.values),
      display: JSON.stringify(request.display),
    });
  }

  get(id: string): RequestRecord | null {
    const row = this.getStmt.get(id);
    return row ? toRequest(row) : null;
  }

  /** Every request one person submitted, oldest first (their copy of their data). */
  submittedBy(userId: string): RequestRecord[] {
    return this.bySubmitterStmt.all(userId).map(toRequest);
  }

  byExternalId(integrationId: string, externalId: string): RequestRecord | null {
    const row = this.byExternalStmt.get(integrationId, externalId);
    return row ? toRequest(row) : null;
  }

  setStatus(id: string, status: RequestStatus, currentStep: number | null, at: number): void {
    this.setStatusStmt.run(status, currentStep, at, id);
  }

  insertStep(step: StepRecord): void {
    this.insertStepStmt.run(
      step.requestId,
      step.index,
      JSON.stringify(step.name),
      step.mode,
      step.status,
      JSON.stringify(step.approverIds),
    );
  }

  steps(requestId: string): StepRecord[] {
    return this.stepsStmt.all(requestId).map((row) => ({
      requestId: row.request_id,
      index: row.step_index,
      name: JSON.parse(row.name) as LocalizedText,
      mode: row.mode,
      status: row.status,
      approverIds: JSON.parse(row.approvers) as string[],
    }));
  }

  setStepStatus(requestId: string, index: number, status: StepStatus): void {
    this.setStepStatusStmt.run(status, requestId, index);
  }

  addHistory(entry: HistoryRecord): void {
    this.insertHistoryStmt.run(
      entry.id,
      entry.requestId,
      entry.at,
      entry.action,
      entry.actorId,
      entry.onBehalfOf,
      entry.text,
      JSON.stringify(entry.attachments),
    );
  }

  history(requestId: string): HistoryRecord[] {
    return this.historyStmt.all(requestId).map((row) => ({
      id: row.id,
      requestId: row.request_id,
      at: row.at,
      action: row.action,
      actorId: row.actor_id,
      onBehalfOf: row.on_behalf_of,
      text: row.text,
      attachments: JSON.parse(row.attachments) as AttachmentRef[],
    }));
  }
}
