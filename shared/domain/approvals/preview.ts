import { z } from 'zod';
import { EntityId } from '../ids.ts';
import { WireFieldIssue } from './form.ts';
import { LocalizedText, StepMode } from './template.ts';

/**
 * What the server would make of a form if it were submitted now, without writing anything: the
 * values it would store (computed fields filled in), the problems it would refuse, and who would
 * approve each step. The form shows a leave's working days and the approvers from this.
 */
export const RequestPreview = z.object({
  values: z.record(z.string().max(32), z.union([z.string().max(10_000), z.number().finite()])),
  issues: z.array(WireFieldIssue).max(50),
  chain: z
    .array(
      z.object({
        name: LocalizedText,
        /** Whether any one of the approvers decides, or all of them must. */
        mode: StepMode,
        skip: z.enum(['below_threshold', 'same_approvers']).nullable(),
        approvers: z.array(z.object({ id: EntityId, name: z.string().max(128) })).max(50),
      }),
    )
    .max(30),
  /** A refusal that is not about one field, such as a step nobody can approve; `null` when a submit would pass. */
  problem: z.object({ code: z.string().max(32), message: z.string().max(2000) }).nullable(),
});
export type RequestPreview = z.infer<typeof RequestPreview>;
