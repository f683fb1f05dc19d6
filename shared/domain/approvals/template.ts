import { z } from 'zod';
import { EntityId } from '../ids.ts';
import { Role } from '../user.ts';
import { localizedText } from '../localized-text.ts';

/**
 * Approval templates are data an admin may change: the form's fields, the chain of steps and the
 * reminder clock. The server validates them with this schema before storing; the renderer builds
 * the form from the same definition, so the two cannot disagree.
 */
export const LocalizedText = localizedText(200);
export type LocalizedText = z.infer<typeof LocalizedText>;

export const FieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,31}$/, 'field keys are camelCase letters and digits');

const fieldBase = {
  key: FieldKey,
  label: LocalizedText,
  required: z.boolean(),
};

export const TemplateField = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(2000) }),
  z.object({ ...fieldBase, type: z.literal('longText'), maxLength: z.number().int().min(1).max(10_000) }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().finite(),
    max: z.number().finite(),
    /** Values must be a multiple of `step` (0.5 for half days, 0.01 for money). */
    step: z.number().positive().finite(),
    unit: LocalizedText.optional(),
    /**
     * Filled by the server from other fields (a leave's working days from its dates and the
     * requester's calendar): the form shows the server's figure instead of asking for it, and a
     * declared value that differs is refused.
     */
    computed: z.boolean().optional(),
  }),
  /** Calendar date `YYYY-MM-DD`; `notBefore` names another date field it may not precede. */
  z.object({ ...fieldBase, type: z.literal('date'), notBefore: FieldKey.optional() }),
  /** Local date and time `YYYY-MM-DDTHH:mm`. */
  z.object({ ...fieldBase, type: z.literal('datetime'), notBefore: FieldKey.optional() }),
  z.object({
    ...fieldBase,
    type: z.literal('select'),
    options: z
      .array(z.object({ value: z.string().regex(/^[a-z0-9_]{1,32}$/), label: LocalizedText }))
      .min(1)
      .max(50),
    /** The option a new form starts on (a leave starts in the morning); left empty, a form means it too. */
    initial: z.string().optional(),
  }),
]);
export type TemplateField = z.infer<typeof TemplateField>;
export type FieldType = TemplateField['type'];

/** Who approves a step, resolved from the organisation when the request is submitted. */
export const ApproverRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manager') }),
  z.object({ kind: z.literal('departmentLeader') }),
  z.object({ kind: z.literal('role'), role: Role }),
  z.object({ kind: z.literal('users'), userIds: z.array(EntityId).min(1).max(50) }),
]);
export type ApproverRule = z.infer<typeof ApproverRule>;

export const StepMode = z.enum(['any', 'all']);
export type StepMode = z.infer<typeof StepMode>;

export const TemplateStep = z.object({
  name: LocalizedText,
  approvers: ApproverRule,
  /** `any`: the first decision settles the step; `all`: every approver must approve. */
  mode: StepMode,
  /** The step applies only when this number field is above the threshold (expense over 5,000 goes to Finance). */
  when: z.object({ field: FieldKey, above: z.number().finite() }).optional(),
});
export type TemplateStep = z.infer<typeof TemplateStep>;

export const TemplateKey = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'template keys are lower_snake_case');

export const ApprovalTemplate = z
  .object({
    key: TemplateKey,
    name: LocalizedText,
    description: LocalizedText,
    enabled: z.boolean(),
    fields: z.array(TemplateField).min(1).max(30),
    /** A required text field whose value becomes the request's title in every list. */
    titleField: FieldKey,
    steps: z.array(TemplateStep).min(1).max(30),
    /** Working hours a task may wait before its approver is reminded, and before it escalates. */
    sla: z.object({
      remindAfterHours: z.number().positive().max(200),
      escalateAfterHours: z.number().positive().max(400),
    }),
  })
  .superRefine((template, ctx) => {
    const byKey = new Map<string, TemplateField>();
    for (const [index, field] of template.fields.entries()) {
      if (byKey.has(field.key))
        ctx.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: `duplicate field ${field.key}` });
      byKey.set(field.key, field);
      if (field.type === 'number' && field.min > field.max) {
        ctx.addIssue({ code: 'custom', path: ['fields', index], message: 'min is above max' });
      }
      if (field.type === 'number' && field.computed && field.required) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index],
          message: 'a computed field is filled by the server, not required',
        });
      }
      if (field.type === 'select' && field.initial !== undefined && !field.options.some((o) => o.value === field.initial)) {
        ctx.addIssue({ code: 'custom', path: ['fields', index, 'initial'], message: 'initial must be one of the options' });
      }
    }
    for (const [index, field] of template.fields.entries()) {
      if ((field.type === 'date' || field.type === 'datetime') && field.notBefore !== undefined) {
        if (byKey.get(field.notBefore)?.type !== field.type) {
          ctx.addIssue({
            code: 'custom',
            path: ['fields', index, 'notBefore'],
            message: `notBefore must name another ${field.type} field`,
          });
        }
      }
    }
    const title = byKey.get(template.titleField);
    if (!title || title.type !== 'text' || !title.required) {
      ctx.addIssue({ code: 'custom', path: ['titleField'], message: 'titleField must name a required text field' });
    }
    for (const [index, step] of template.steps.entries()) {
      if (step.when && byKey.get(step.when.field)?.type !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'when', 'field'],
          message: 'a threshold must name a number field',
        });
      }
    }
    if (template.sla.escalateAfterHours <= template.sla.remindAfterHours) {
      ctx.addIssue({ code: 'custom', path: ['sla'], message: 'escalation must come after the reminder' });
    }
  });
export type ApprovalTemplate = z.infer<typeof ApprovalTemplate>;
