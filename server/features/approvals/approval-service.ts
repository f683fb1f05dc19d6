import { randomUUID } from 'node:crypto';
import type { FormValues } from '../../../shared/domain/approvals/form.ts';
import type { RequestPreview } from '../../../shared/domain/approvals/preview.ts';
import type { ChainStep, Decision, RequestDetail, RequestStatus, TaskOutcome } from '../../../shared/domain/approvals/request.ts';
import type { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { ApprovalFlow } from './approval-flow.ts';
import type { OutOfOfficeStore } from './out-of-office-store.ts';
import type { RequestRecord, RequestStore, StepRecord } from './request-store.ts';
import type { TaskRecord, TaskStore } from './task-store.ts';
import { prepareSubmission, previewSubmission } from './submission.ts';
import type { TemplateStore } from './template-store.ts';

export interface ApprovalDeps {
  gate: WriteGate;
  templates: TemplateStore;
  requests: RequestStore;
  tasks: TaskStore;
  outOfOffice: OutOfOfficeStore;
  attachments: AttachmentStore;
  directory: DirectoryStore;
  flow: ApprovalFlow;
  clock: Clock;
}

const decisionOutcome = { approve: 'approved', reject: 'rejected', return: 'returned' } as const satisfies Record<
  Decision,
  TaskOutcome
>;
const DECIDED: ReadonlySet<string> = new Set(['approved', 'rejected', 'returned']);

/** What people do with approvals, each action authorised here and nowhere else. */
export class ApprovalService {
  private readonly deps: ApprovalDeps;

  constructor(deps: ApprovalDeps) {
    this.deps = deps;
  }

  /** What submitting this form would store and whom it would ask, or why it would be refused. */
  preview(submitterId: string, input: { templateKey: string; values: FormValues }): RequestPreview {
    return previewSubmission(this.submission(), submitterId, input, this.deps.clock.now());
  }

  private submission() {
    return { templates: this.deps.templates, hooks: this.deps.flow.hooks, directory: this.deps.directory };
  }

  enabledTemplates(): ApprovalTemplate[] {
    return this.deps.templates
      .list()
      .map((s) => s.template)
      .filter((t) => t.enabled);
  }

  /**
   * Validates the form, resolves the chain from today's organisation and stores both; a missing
   * approver or a bad field is refused before anything is written. `at` backdates demo data only.
   */
  submit(
    submitterId: string,
    input: { templateKey: string; values: FormValues; attachmentIds: string[] },
    at?: number,
  ): { requestId: string; status: RequestStatus } {
    const now = at ?? this.deps.clock.now();
    const { template, version, values, chain } = prepareSubmission(this.submission(), submitterId, input, now);
    return this.deps.gate.write((tx) => {
      const id = `r_${randomUUID()}`;
      const request: RequestRecord = {
        id,
        templateKey: template.key,
        templateVersion: version,
        template: { name: template.name, fields: template.fields, sla: template.sla },
        title: String(values[template.titleField]),
        submitterId,
        submittedAt: now,
        updatedAt: now,
        status: 'pending',
        values,
        display: [],
        currentStep: null,
        integrationId: null,
        externalId: null,
        link: null,
        callbackUrl: null,
      };
      this.deps.requests.insert(request);
      for (const step of chain) {
        this.deps.requests.insertStep({
          requestId: id,
          index: step.index,
          name: step.name,
          mode: step.mode,
          status: step.skip ? 'skipped' : 'waiting',
          approverIds: step.approverIds,
        });
      }
      const attachments = this.deps.attachments.claim(submitterId, id, input.attachmentIds);
      this.deps.flow.record(id, now, 'submitted', submitterId, null, null, attachments);
      this.deps.flow.advance(tx, request, 0, now);
      return { requestId: id, status: this.deps.requests.get(id)!.status };
    });
  }

  decide(
    actorId: string,
    input: { taskId: string; decision: Decision; comment: string },
  ): { requestId: string; status: RequestStatus } {
    return this.deps.gate.write((tx) => {
      const now = this.deps.clock.now();
      const task = this.deps.tasks.get(input.taskId);
      if (!task) throw new DomainError('not_found', `no task ${input.taskId}`);
      const request = this.deps.requests.get(task.requestId)!;
      if (request.submitterId === actorId) throw new DomainError('forbidden', 'you cannot decide your own request');
      if (!this.mayDecide(task, actorId, now)) throw new DomainError('forbidden', 'this task is not yours to decide');
      if (task.status !== 'pending' || request.status !== 'pending') {
        throw new DomainError('conflict', 'this task has already been decided', { status: request.status });
      }
      const comment = input.comment.trim();
      if (input.decision !== 'approve' && comment === '') {
        throw new DomainError('invalid_params', 'a reason is required', undefined, [{ field: 'comment', code: 'required' }]);
      }
      const outcome = decisionOutcome[input.decision];
      this.deps.flow.closeTask(tx, task, 'done', outcome, actorId, now);
      this.deps.flow.record(
        request.id,
        now,
        outcome,
        actorId,
        actorId === task.approverId ? null : task.approverId,
        comment || null,
      );
      const step = this.deps.requests.steps(request.id)[task.stepIndex]!;
      const stepTasks = this.deps.tasks.ofRequest(request.id).filter((t) => t.stepIndex === step.index);
      if (input.decision === 'approve') {
        const settled = step.mode === 'any' || stepTasks.every((t) => t.status === 'done' && t.outcome === 'approved');
        if (settled) {
          this.deps.flow.closeOthers(tx, request.id, 'decided_by_other', now, step.index);
          this.deps.requests.setStepStatus(request.id, step.index, 'approved');
          this.deps.flow.advance(tx, request, step.index + 1, now, actorId, comment || null);
        } else {
          this.deps.flow.tellSubmitter(tx, request.id);
        }
      } else {
        this.deps.requests.setStepStatus(request.id, step.index, outcome === 'rejected' ? 'rejected' : 'returned');
        this.deps.flow.finish(tx, request, outcome, now, actorId, comment);
      }
      this.deps.flow.announce(tx, request);
      return { requestId: request.id, status: this.deps.requests.get(request.id)!.status };
    });
  }

  withdraw(actorId: string, requestId: string): { requestId: string; status: RequestStatus } {
    return this.deps.gate.write((tx) => {
      const request = this.deps.requests.get(requestId);
      if (!request || request.submitterId !== actorId) throw new DomainError('not_found', `you have no request ${requestId}`);
      if (request.status !== 'pending' || this.hasDecision(request.id)) {
        throw new DomainError('conflict', 'a request can be withdrawn only before the first decision', {
          status: request.status,
        });
      }
      const now = this.deps.clock.now();
      this.deps.flow.record(request.id, now, 'withdrawn', actorId, null, null);
      this.deps.flow.finish(tx, request, 'withdrawn', now, actorId, null);
      this.deps.flow.announce(tx, request);
      return { requestId, status: 'withdrawn' as const };
    });
  }

  comment(actorId: string, input: { requestId: string; text: string; attachmentIds: string[] }): { requestId: string } {
    return this.deps.gate.write((tx) => {
      const request = this.deps.requests.get(input.requestId);
      if (!request || !this.mayView(request, actorId)) throw new DomainError('not_found', `no request ${input.requestId}`);
      const text = input.text.trim();
      if (text === '')
        throw new DomainError('invalid_params', 'the comment is empty', undefined, [{ field: 'text', code: 'required' }]);
      const attachments = this.deps.attachments.claim(actorId, request.id, input.attachmentIds);
      this.deps.flow.record(request.id, this.deps.clock.now(), 'commented', actorId, null, text, attachments);
      this.deps.flow.announce(tx, request);
      return { requestId: request.id };
    });
  }

  /** The approver always may; a proxy only while the approver is away; an escalation target while it holds the task. */
  mayDecide(task: TaskRecord, actorId: string, now: number): boolean {
    if (actorId === task.approverId) return true;
    if (actorId !== task.assigneeId) return false;
    if (task.via === 'escalated') return true;
    return task.via === 'proxy' && this.deps.outOfOffice.activeProxy(task.approverId, now) === actorId;
  }

  mayView(request: RequestRecord, actorId: string, steps?: readonly StepRecord[], tasks?: readonly TaskRecord[]): boolean {
    return this.deps.flow.participants(request, steps, tasks).has(actorId) || this.deps.directory.hasAnyRole(actorId, ['admin']);
  }

  mayDownload(requestId: string, actorId: string): boolean {
    const request = this.deps.requests.get(requestId);
    return request !== null && this.mayView(request, actorId);
  }

  detail(actorId: string, requestId: string): RequestDetail {
    const request = this.deps.requests.get(requestId);
    if (!request) throw new DomainError('not_found', `no request ${requestId}`);
    const steps = this.deps.requests.steps(request.id);
    const tasks = this.deps.tasks.ofRequest(request.id);
    if (!this.mayView(request, actorId, steps, tasks)) throw new DomainError('not_found', `no request ${requestId}`);
    const now = this.deps.clock.now();
    const history = this.deps.requests.history(request.id);
    const ids = new Set<string>();
    for (const s of steps) for (const id of s.approverIds) ids.add(id);
    for (const t of tasks) [t.assigneeId, t.decidedBy].forEach((id) => id && ids.add(id));
    for (const h of history) [h.actorId, h.onBehalfOf].forEach((id) => id && ids.add(id));
    if (request.submitterId) ids.add(request.submitterId);
    const names = this.deps.directory.names(ids);
    const person = (id: string) => ({ id, name: names.get(id) ?? id });
    const chain: ChainStep[] = steps.map((step) => ({
      index: step.index,
      name: step.name,
      mode: step.mode,
      status: step.status,
      approvers: step.approverIds.map((approverId) => {
        const task = tasks.filter((t) => t.stepIndex === step.index && t.approverId === approverId).at(-1);
        const decided = task?.status === 'done' && task.outcome !== null && DECIDED.has(task.outcome);
        return {
          approver: person(approverId),
          assignee: person(task?.assigneeId ?? approverId),
          via: task?.via ?? 'direct',
          decision: decided ? (task.outcome as 'approved' | 'rejected' | 'returned') : null,
          decidedAt: decided ? task.closedAt : null,
          decidedBy: decided && task.decidedBy ? person(task.decidedBy) : null,
        };
      }),
    }));
    const submitter = request.submitterId ? this.deps.directory.orgPosition(request.submitterId) : null;
    const myTask = tasks.find((t) => t.status === 'pending' && this.mayDecide(t, actorId, now));
    return {
      id: request.id,
      templateKey: request.templateKey,
      templateName: request.template.name,
      title: request.title,
      source: request.integrationId
        ? { kind: 'external', system: request.template.name.en, link: request.link }
        : { kind: 'portico' },
      submitter: submitter
        ? { id: submitter.id, name: submitter.name, departmentName: submitter.departmentName }
        : { id: request.integrationId ?? 'unknown', name: request.template.name.en, departmentName: null },
      submittedAt: request.submittedAt,
      status: request.status,
      fields: request.template.fields,
      values: request.values,
      display: request.display,
      chain,
      currentStep: request.currentStep,
      history: history.map((h) => ({
        id: h.id,
        at: h.at,
        action: h.action,
        actor: h.actorId ? person(h.actorId) : null,
        onBehalfOf: h.onBehalfOf ? person(h.onBehalfOf) : null,
        text: h.text,
        attachments: h.attachments,
      })),
      myTaskId: myTask && request.submitterId !== actorId ? myTask.id : null,
      canWithdraw: request.submitterId === actorId && request.status === 'pending' && !this.hasDecision(request.id),
    };
  }

  private hasDecision(requestId: string): boolean {
    return this.deps.tasks.ofRequest(requestId).some((t) => t.status === 'done' && t.outcome !== null && DECIDED.has(t.outcome));
  }
}
