import { type FormValues, validateForm } from '../../../shared/domain/approvals/form.ts';
import type { RequestPreview } from '../../../shared/domain/approvals/preview.ts';
import type { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import { type ResolvedStep, resolveChain } from './chain-resolver.ts';
import type { TemplateStore } from './template-store.ts';
import type { WorkflowHooks } from './workflow-hooks.ts';

export interface PreparedSubmission {
  template: ApprovalTemplate;
  version: number;
  values: Record<string, string | number>;
  chain: ResolvedStep[];
}

interface SubmissionDeps {
  templates: TemplateStore;
  hooks: WorkflowHooks;
  directory: DirectoryStore;
}

/**
 * Everything a submit decides before it writes: the template, the checked values with computed
 * fields filled in by the workflow hooks, and the chain routed on those values. Throws the
 * refusal a submit would answer. A preview runs the same steps, so it cannot promise otherwise.
 */
export function prepareSubmission(
  d: SubmissionDeps,
  submitterId: string,
  input: { templateKey: string; values: FormValues },
  now: number,
  partial = false,
): PreparedSubmission {
  const stored = d.templates.get(input.templateKey);
  if (!stored || !stored.template.enabled) throw new DomainError('not_found', `no enabled template ${input.templateKey}`);
  const { template, version } = stored;
  // A preview reads a form still being filled: an empty field is not yet a problem.
  const fields = partial ? template.fields.map((field) => ({ ...field, required: false })) : template.fields;
  const check = validateForm(fields, input.values);
  if (!check.ok) throw new DomainError('invalid_params', 'the form has problems', undefined, check.issues);
  const values = { ...d.hooks.prepare(template.key, submitterId, check.values, now) };
  return { template, version, values, chain: resolveChain(template.steps, submitterId, values, d.directory) };
}

/**
 * What a submit of this form would store and whom it would ask, or why it would be refused; writes
 * nothing. Fields left empty so far are passed over, so a leave's length shows as soon as its dates do.
 */
export function previewSubmission(
  d: SubmissionDeps,
  submitterId: string,
  input: { templateKey: string; values: FormValues },
  now: number,
): RequestPreview {
  try {
    const prepared = prepareSubmission(d, submitterId, input, now, true);
    const names = new Map(
      prepared.chain.flatMap((step) => step.approverIds).map((id) => [id, d.directory.orgPosition(id)?.name ?? id]),
    );
    return {
      values: prepared.values,
      issues: [],
      chain: prepared.chain.map((step) => ({
        name: step.name,
        mode: step.mode,
        skip: step.skip,
        approvers: step.approverIds.map((id) => ({ id, name: names.get(id) ?? id })),
      })),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'not_found') throw error;
    const issues = (error.issues ?? []).map((i) => ({ ...i }));
    return {
      values: {},
      issues,
      chain: [],
      problem: issues.length > 0 ? null : { code: error.code, message: error.message },
    };
  }
}
