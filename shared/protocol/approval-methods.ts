import { z } from 'zod';
import { FormValues } from '../domain/approvals/form.ts';
import { RequestPreview } from '../domain/approvals/preview.ts';
import { Decision, OutOfOffice, RequestDetail, RequestStatus } from '../domain/approvals/request.ts';
import { ApprovalTemplate, TemplateKey } from '../domain/approvals/template.ts';
import { EntityId, Instant } from '../domain/ids.ts';

const AttachmentIds = z.array(EntityId).max(10).default([]);
const RequestOutcome = z.object({ requestId: EntityId, status: RequestStatus });

/** Approvals' methods: templates, requests, decisions, out of office. */
export const approvalMethods = {
  'approvals.templates': { mutating: false, params: z.object({}), result: z.array(ApprovalTemplate) },
  'approvals.detail': { mutating: false, params: z.object({ requestId: EntityId }), result: RequestDetail },
  /** What a submit of this form would store (a leave's working days) and whom it would ask; writes nothing. */
  'approvals.preview': {
    mutating: false,
    params: z.object({ templateKey: TemplateKey, values: FormValues }),
    result: RequestPreview,
  },
  'approvals.submit': {
    mutating: true,
    params: z.object({ templateKey: TemplateKey, values: FormValues, attachmentIds: AttachmentIds }),
    result: RequestOutcome,
  },
  'approvals.decide': {
    mutating: true,
    params: z.object({ taskId: EntityId, decision: Decision, comment: z.string().max(2000).default('') }),
    result: RequestOutcome,
  },
  'approvals.withdraw': { mutating: true, params: z.object({ requestId: EntityId }), result: RequestOutcome },
  'approvals.comment': {
    mutating: true,
    params: z.object({ requestId: EntityId, text: z.string().max(2000), attachmentIds: AttachmentIds }),
    result: z.object({ requestId: EntityId }),
  },
  'approvals.setOutOfOffice': {
    mutating: true,
    params: z.object({ from: Instant, until: Instant, proxyId: EntityId, note: z.string().trim().max(200).nullable() }),
    result: OutOfOffice,
  },
  'approvals.clearOutOfOffice': { mutating: true, params: z.object({}), result: z.object({ cleared: z.boolean() }) },
} as const;
