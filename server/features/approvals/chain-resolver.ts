import type { FormCheck } from '../../../shared/domain/approvals/form.ts';
import type { ApproverRule, LocalizedText, StepMode, TemplateStep } from '../../../shared/domain/approvals/template.ts';
import type { Role } from '../../../shared/domain/user.ts';
import type { OrgPosition } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';

export interface OrgReader {
  orgPosition(userId: string): OrgPosition | null;
  usersWithRole(role: Role): string[];
}

export type SkipReason = 'below_threshold' | 'same_approvers';

export interface ResolvedStep {
  index: number;
  name: LocalizedText;
  mode: StepMode;
  approverIds: string[];
  skip: SkipReason | null;
}

type Values = (FormCheck & { ok: true })['values'];

/**
 * Turns a template's steps into named people at submission. The result is stored with the request,
 * so a later re-organisation does not rewrite who was asked. Nobody approves their own request:
 * where a rule lands on the submitter, the step moves up to their manager, then to an admin.
 */
export function resolveChain(
  steps: readonly TemplateStep[],
  submitterId: string,
  values: Values,
  org: OrgReader,
): ResolvedStep[] {
  const submitter = org.orgPosition(submitterId);
  if (!submitter) throw new DomainError('not_found', `unknown submitter ${submitterId}`);
  const alreadyApproving = new Set<string>();
  return steps.map((step, index) => {
    const base = { index, name: step.name, mode: step.mode };
    if (step.when) {
      const value = values[step.when.field];
      if (typeof value !== 'number' || value <= step.when.above) return { ...base, approverIds: [], skip: 'below_threshold' };
    }
    const approverIds = resolveRule(step.approvers, submitter, org, index, step.name);
    if (approverIds.every((id) => alreadyApproving.has(id))) return { ...base, approverIds, skip: 'same_approvers' };
    for (const id of approverIds) alreadyApproving.add(id);
    return { ...base, approverIds, skip: null };
  });
}

function resolveRule(
  rule: ApproverRule,
  submitter: OrgPosition,
  org: OrgReader,
  index: number,
  stepName: LocalizedText,
): string[] {
  const missing = (reason: string): never => {
    throw new DomainError('no_approver', `step ${index + 1} (${stepName.en}): ${reason}`, { step: index, rule: rule.kind });
  };
  const active = (id: string | null): id is string => id !== null && org.orgPosition(id)?.active === true;
  const manager = (): string =>
    active(submitter.managerId) ? submitter.managerId : missing('the submitter has no active manager in the organisation');
  /**
   * Where a step would land on the submitter alone (the only HR asking HR), it moves up: to their
   * manager, and for someone with none, to the administrators.
   */
  const upward = (): string[] => {
    if (active(submitter.managerId)) return [submitter.managerId];
    const admins = org.usersWithRole('admin').filter((id) => id !== submitter.id && active(id));
    return admins.length > 0
      ? admins
      : missing('the step falls to the submitter, who has no manager, and there is no other admin');
  };

  switch (rule.kind) {
    case 'manager':
      return [manager()];
    case 'departmentLeader': {
      const leader = submitter.departmentLeaderId;
      if (leader === submitter.id) return upward();
      return active(leader) ? [leader] : missing('the submitter’s department has no active leader');
    }
    case 'role': {
      const holders = org.usersWithRole(rule.role);
      const ids = holders.filter((id) => id !== submitter.id);
      if (ids.length > 0) return ids;
      return holders.includes(submitter.id) ? upward() : missing(`nobody holds the role ${rule.role}`);
    }
    case 'users': {
      const ids = [...new Set(rule.userIds)].flatMap((id) => (id === submitter.id ? upward() : [id]));
      const unique = [...new Set(ids)];
      const inactive = unique.filter((id) => !active(id));
      return inactive.length === 0 ? unique : missing(`named approvers are not active users: ${inactive.join(', ')}`);
    }
  }
}
