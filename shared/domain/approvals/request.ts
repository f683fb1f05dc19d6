import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';
import { FormValues } from './form.ts';
import { KeyFigure } from './key-figure.ts';
import { LocalizedText, StepMode, TemplateField } from './template.ts';

export const RequestStatus = z.enum(['pending', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const Decision = z.enum(['approve', 'reject', 'return']);
export type Decision = z.infer<typeof Decision>;

/** How a task reached the person who has it: their own, as someone's proxy, or escalated to them. */
export const TaskVia = z.enum(['direct', 'proxy', 'escalated']);
export type TaskVia = z.infer<typeof TaskVia>;

/** How a task left an inbox. `decided_by_other`: another approver settled an any-one step. */
export const TaskOutcome = z.enum([
  'approved',
  'rejected',
  'returned',
  'withdrawn',
  'cancelled',
  'decided_by_other',
  'delegated',
]);
export type TaskOutcome = z.infer<typeof TaskOutcome>;

const Person = z.object({ id: EntityId, name: z.string().max(128) });
export type Person = z.infer<typeof Person>;

export const RequestSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('portico') }),
  z.object({ kind: z.literal('external'), system: z.string().max(128), link: z.url().nullable() }),
]);
export type RequestSource = z.infer<typeof RequestSource>;

/** A row in "waiting for me". */
export const ApprovalTaskSummary = z.object({
  id: EntityId,
  requestId: EntityId,
  templateKey: z.string().max(32),
  templateName: LocalizedText,
  title: z.string().min(1).max(200),
  submitter: Person,
  submittedAt: Instant,
  assignedAt: Instant,
  stepName: LocalizedText,
  via: TaskVia,
  /** Set when the task is someone else's and this user holds it as proxy or by escalation. */
  onBehalfOf: Person.nullable(),
  /** When the approver is reminded; the renderer's SLA badge turns amber after it and red after `escalateAt`. */
  remindAt: Instant,
  escalateAt: Instant,
  source: z.enum(['portico', 'external']),
  /** The number the decision turns on (days, amount), so routine items can be decided from the list. */
  figure: KeyFigure.nullable().default(null),
});
export type ApprovalTaskSummary = z.infer<typeof ApprovalTaskSummary>;

/** A row in "done": what this user decided, or what was decided for them while away. */
export const DoneTaskSummary = z.object({
  taskId: EntityId,
  requestId: EntityId,
  templateKey: z.string().max(32),
  templateName: LocalizedText,
  title: z.string().min(1).max(200),
  submitter: Person,
  outcome: TaskOutcome,
  decidedBy: Person.nullable(),
  closedAt: Instant,
});
export type DoneTaskSummary = z.infer<typeof DoneTaskSummary>;

/** A row in "submitted by me". */
export const RequestSummary = z.object({
  id: EntityId,
  templateKey: z.string().max(32),
  templateName: LocalizedText,
  title: z.string().min(1).max(200),
  status: RequestStatus,
  submittedAt: Instant,
  updatedAt: Instant,
  currentStepName: LocalizedText.nullable(),
  waitingOn: z.array(z.string().max(128)).max(50),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const StepStatus = z.enum(['waiting', 'active', 'approved', 'rejected', 'returned', 'skipped', 'cancelled']);
export type StepStatus = z.infer<typeof StepStatus>;

export const ChainApprover = z.object({
  approver: Person,
  /** Who holds the task now (the approver, their proxy, or the escalation target). */
  assignee: Person,
  via: TaskVia,
  decision: z.enum(['approved', 'rejected', 'returned']).nullable(),
  decidedAt: Instant.nullable(),
  decidedBy: Person.nullable(),
});
export type ChainApprover = z.infer<typeof ChainApprover>;

export const ChainStep = z.object({
  index: z.number().int().nonnegative(),
  name: LocalizedText,
  mode: StepMode,
  status: StepStatus,
  approvers: z.array(ChainApprover),
});
export type ChainStep = z.infer<typeof ChainStep>;

export const AttachmentRef = z.object({
  id: EntityId,
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(100),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const HistoryAction = z.enum([
  'submitted',
  'approved',
  'rejected',
  'returned',
  'commented',
  'withdrawn',
  'cancelled',
  'reminded',
  'escalated',
  'delegated',
]);
export type HistoryAction = z.infer<typeof HistoryAction>;

export const HistoryEntry = z.object({
  id: EntityId,
  at: Instant,
  action: HistoryAction,
  actor: Person.nullable(),
  onBehalfOf: Person.nullable(),
  text: z.string().max(2000).nullable(),
  attachments: z.array(AttachmentRef),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A label and a pre-formatted value an external system wants shown. */
export const DisplayField = z.object({ label: z.string().min(1).max(100), value: z.string().max(2000) });
export type DisplayField = z.infer<typeof DisplayField>;

export const RequestDetail = z.object({
  id: EntityId,
  templateKey: z.string().max(32),
  templateName: LocalizedText,
  title: z.string().min(1).max(200),
  source: RequestSource,
  submitter: Person.extend({ departmentName: z.string().max(128).nullable() }),
  submittedAt: Instant,
  status: RequestStatus,
  /** The template's fields as they were when the request was submitted. */
  fields: z.array(TemplateField),
  values: FormValues,
  display: z.array(DisplayField),
  chain: z.array(ChainStep),
  currentStep: z.number().int().nonnegative().nullable(),
  history: z.array(HistoryEntry),
  /** The caller's own pending task on this request, if any: the detail view's decide buttons act on it. */
  myTaskId: EntityId.nullable(),
  canWithdraw: z.boolean(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const OutOfOffice = z.object({
  from: Instant,
  until: Instant,
  proxy: Person,
  note: z.string().max(200).nullable(),
});
export type OutOfOffice = z.infer<typeof OutOfOffice>;
