import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '../../../shared/domain/approvals/request.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { ExternalTaskRequest, ExternalTaskState } from '../../../shared/protocol/integration-api.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { ApprovalFlow } from '../approvals/approval-flow.ts';
import type { RequestStore } from '../approvals/request-store.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { Integration } from './integration-repository.ts';

const EXTERNAL_SLA = { remindAfterHours: 8, escalateAfterHours: 24 };

/** Tasks other systems put in the same inbox: one step of named approvers, decided like any other. */
export class ExternalTasks {
  private readonly deps: { gate: WriteGate; requests: RequestStore; directory: DirectoryStore; flow: ApprovalFlow; clock: Clock };

  constructor(deps: ExternalTasks['deps']) {
    this.deps = deps;
  }

  /** Creates the task once per externalId; a repeat answers with the existing state and changes nothing. */
  create(integration: Integration, input: ExternalTaskRequest): ExternalTaskState {
    return this.deps.gate.write((tx) => {
      const existing = this.deps.requests.byExternalId(integration.id, input.externalId);
      if (existing) return { requestId: existing.id, externalId: input.externalId, status: existing.status, created: false };
      const approverIds = [...new Set(input.approvers.map((name) => this.userId(name, 'approvers')))];
      const submitterId = input.requestedBy ? this.userId(input.requestedBy, 'requestedBy') : null;
      if (submitterId && approverIds.includes(submitterId)) {
        throw new DomainError('invalid_params', 'the person a request is raised for cannot approve it', { field: 'approvers' });
      }
      const now = this.deps.clock.now();
      const request = {
        id: `r_${randomUUID()}`,
        templateKey: 'external',
        templateVersion: 0,
        template: { name: { en: integration.name, 'zh-CN': integration.name }, fields: [], sla: EXTERNAL_SLA },
        title: input.title,
        submitterId,
        submittedAt: now,
        updatedAt: now,
        status: 'pending' as const,
        values: {},
        display: input.fields,
        currentStep: null,
        integrationId: integration.id,
        externalId: input.externalId,
        link: input.link ?? null,
        callbackUrl: input.callbackUrl ?? null,
      };
      this.deps.requests.insert(request);
      this.deps.requests.insertStep({
        requestId: request.id,
        index: 0,
        name: { en: 'Approval', 'zh-CN': '审批' },
        mode: input.mode,
        status: 'waiting',
        approverIds,
      });
      this.deps.flow.record(request.id, now, 'submitted', submitterId, null, null);
      this.deps.flow.advance(tx, request, 0, now);
      return { requestId: request.id, externalId: input.externalId, status: 'pending', created: true };
    });
  }

  state(integration: Integration, externalId: string): ExternalTaskState {
    const request = this.deps.requests.byExternalId(integration.id, externalId);
    if (!request) throw new DomainError('not_found', `no task with externalId ${externalId}`);
    return { requestId: request.id, externalId, status: request.status, created: false };
  }

  /** Withdraws a task the other system no longer needs; a decided one cannot be cancelled. */
  cancel(integration: Integration, externalId: string): ExternalTaskState {
    return this.deps.gate.write((tx) => {
      const request = this.deps.requests.byExternalId(integration.id, externalId);
      if (!request) throw new DomainError('not_found', `no task with externalId ${externalId}`);
      const terminal: RequestStatus = request.status;
      if (terminal === 'cancelled') return { requestId: request.id, externalId, status: terminal, created: false };
      if (terminal !== 'pending') throw new DomainError('conflict', `the task is already ${terminal}`, { status: terminal });
      const now = this.deps.clock.now();
      this.deps.flow.record(request.id, now, 'cancelled', null, null, null);
      this.deps.flow.finish(tx, request, 'cancelled', now, null, null);
      this.deps.flow.announce(tx, request);
      return { requestId: request.id, externalId, status: 'cancelled', created: false };
    });
  }

  private userId(name: string, field: string): string {
    const id = this.deps.directory.activeIdByNameOrId(name);
    if (!id) throw new DomainError('invalid_params', `${field}: no active Portico user "${name}"`, { field, value: name });
    return id;
  }
}
