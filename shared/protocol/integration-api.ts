import { z } from 'zod';
import { DisplayField, RequestStatus } from '../domain/approvals/request.ts';
import { StepMode } from '../domain/approvals/template.ts';
import { EntityId, Instant } from '../domain/ids.ts';

/**
 * The REST contract other systems (an existing OA, ERP, HR system) use to put tasks in Portico's
 * inbox and hear the decision back. The OpenAPI document at /api/openapi.json is generated from
 * these schemas.
 */
export const IntegrationScope = z.enum(['tasks:write', 'tasks:read']);
export type IntegrationScope = z.infer<typeof IntegrationScope>;

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const CreateIntegrationRequest = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(IntegrationScope).min(1).max(2),
});
export type CreateIntegrationRequest = z.infer<typeof CreateIntegrationRequest>;

export const IntegrationInfo = z.object({
  id: EntityId,
  name: z.string(),
  scopes: z.array(IntegrationScope),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});
export type IntegrationInfo = z.infer<typeof IntegrationInfo>;

/** Returned once, at creation: Portico keeps only a hash of the token. */
export const CreatedIntegration = IntegrationInfo.extend({
  token: z.string(),
  signingSecret: z.string(),
});
export type CreatedIntegration = z.infer<typeof CreatedIntegration>;

export const ExternalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:~-]+$/, 'external ids are letters, digits and . _ : ~ -');

export const ExternalTaskRequest = z.object({
  externalId: ExternalId,
  title: z.string().trim().min(1).max(200),
  /** Portico usernames (or user ids) of the approvers. */
  approvers: z.array(z.string().min(1).max(64)).min(1).max(20),
  mode: StepMode.default('any'),
  /** The Portico username the request is raised for, if any: they see it under "submitted by me". */
  requestedBy: z.string().min(1).max(64).optional(),
  fields: z.array(DisplayField).max(30).default([]),
  link: HttpUrl.optional(),
  callbackUrl: HttpUrl.optional(),
});
export type ExternalTaskRequest = z.infer<typeof ExternalTaskRequest>;

export const DecidedBy = z.object({ id: EntityId, username: z.string(), name: z.string() });

export const ExternalTaskState = z.object({
  requestId: EntityId,
  externalId: ExternalId,
  status: RequestStatus,
  /** True only for the call that created it; a repeat with the same externalId answers false and changes nothing. */
  created: z.boolean(),
});
export type ExternalTaskState = z.infer<typeof ExternalTaskState>;

/** The body POSTed to a task's callbackUrl, signed with the integration's signing secret. */
export const DecisionCallback = z.object({
  type: z.literal('approval.decided'),
  deliveryId: EntityId,
  requestId: EntityId,
  externalId: ExternalId,
  status: z.enum(['approved', 'rejected', 'returned']),
  decidedBy: DecidedBy.nullable(),
  comment: z.string().nullable(),
  decidedAt: Instant,
});
export type DecisionCallback = z.infer<typeof DecisionCallback>;

export const SIGNATURE_HEADER = 'portico-signature';
export const DELIVERY_HEADER = 'portico-delivery';
