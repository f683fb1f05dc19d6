import { describe, expect, it } from 'vitest';
import { builtinTemplates } from './builtin-templates.ts';
import { validateForm } from '../../../shared/domain/approvals/form.ts';
import { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';

const leave = builtinTemplates.find((t) => t.key === 'leave')!;
const expense = builtinTemplates.find((t) => t.key === 'expense')!;

describe('validateForm', () => {
  it('accepts a complete form and trims text', () => {
    expect(
      validateForm(leave.fields, { leaveType: 'sick', start: '2026-02-28', end: '2026-03-01', days: 1.5, reason: '  Flu  ' }),
    ).toEqual({
      ok: true,
      values: { leaveType: 'sick', start: '2026-02-28', end: '2026-03-01', days: 1.5, reason: 'Flu' },
    });
  });

  it('reads numbers typed as text, respects the step and tolerates binary fractions', () => {
    const check = validateForm(expense.fields, { category: 'meals', amount: '0.30', purpose: 'Tea' });
    expect(check).toMatchObject({ ok: true, values: { amount: 0.3 } });
    expect(validateForm(expense.fields, { category: 'meals', amount: 0.1 + 0.2, purpose: 'Tea' }).ok).toBe(true);
    expect(validateForm(expense.fields, { category: 'meals', amount: 10.005, purpose: 'Tea' })).toMatchObject({
      ok: false,
      issues: [{ field: 'amount', code: 'bad_step', limit: 0.01 }],
    });
    expect(validateForm(expense.fields, { category: 'meals', amount: 'ten', purpose: 'Tea' })).toMatchObject({
      issues: [{ field: 'amount', code: 'not_a_number' }],
    });
    expect(validateForm(expense.fields, { category: 'meals', amount: 2_000_000, purpose: 'Tea' })).toMatchObject({
      issues: [{ field: 'amount', code: 'above_max', limit: 1_000_000 }],
    });
  });

  it('refuses impossible dates and a range that ends before it starts', () => {
    const base = { leaveType: 'annual', days: 1, reason: 'x' };
    expect(validateForm(leave.fields, { ...base, start: '2026-02-30', end: '2026-03-01' })).toMatchObject({
      issues: [{ field: 'start', code: 'invalid_date' }],
    });
    expect(validateForm(leave.fields, { ...base, start: '2026-03-02', end: '2026-03-01' })).toMatchObject({
      issues: [{ field: 'end', code: 'before_other', limit: 'start' }],
    });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const emoji = '😀'.repeat(200);
    expect(
      validateForm(leave.fields, { leaveType: 'annual', start: '2026-01-05', end: '2026-01-05', days: 1, reason: emoji }).ok,
    ).toBe(true);
    expect(
      validateForm(leave.fields, { leaveType: 'annual', start: '2026-01-05', end: '2026-01-05', days: 1, reason: `${emoji}x` }),
    ).toMatchObject({
      issues: [{ field: 'reason', code: 'too_long', limit: 200 }],
    });
  });

  it('leaves empty optional fields out and reports unknown ones', () => {
    expect(validateForm(expense.fields, { category: 'other', amount: 5, purpose: 'Pens', details: '   ' })).toEqual({
      ok: true,
      values: { category: 'other', amount: 5, purpose: 'Pens' },
    });
    expect(validateForm(expense.fields, { category: 'other', amount: 5, purpose: 'Pens', __proto__x: 1 })).toMatchObject({
      issues: [{ field: '__proto__x', code: 'unknown_field' }],
    });
  });
});

describe('ApprovalTemplate schema', () => {
  it('accepts every built-in template', () => {
    for (const template of builtinTemplates) expect(ApprovalTemplate.safeParse(template).success).toBe(true);
  });

  it('refuses templates that could not work', () => {
    const broken = (patch: object) => ApprovalTemplate.safeParse({ ...expense, ...patch });
    expect(broken({ titleField: 'details' }).success).toBe(false); // optional long text cannot be the title
    expect(broken({ fields: [...expense.fields, expense.fields[0]] }).success).toBe(false); // duplicate key
    expect(broken({ steps: [{ ...expense.steps[1], when: { field: 'purpose', above: 3 } }] }).success).toBe(false);
    expect(broken({ sla: { remindAfterHours: 8, escalateAfterHours: 4 } }).success).toBe(false);
    expect(broken({ key: 'Bad Key' }).success).toBe(false);
  });
});
