import { z } from 'zod';
import type { TemplateField } from './template.ts';

/** What a form carries: strings for text, dates and choices; numbers for numbers; null for "left empty". */
export const FieldValue = z.union([z.string().max(10_000), z.number().finite(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;
export const FormValues = z.record(z.string().max(32), FieldValue);
export type FormValues = z.infer<typeof FormValues>;

export type FieldIssueCode =
  | 'required'
  | 'too_long'
  | 'below_min'
  | 'above_max'
  | 'not_a_number'
  | 'bad_step'
  | 'invalid_date'
  | 'before_other'
  | 'not_an_option'
  | 'unknown_field'
  | 'in_future'
  | 'too_old'
  /** A computed field was given a value that is not what the server computes; `limit` is the computed one. */
  | 'not_computed'
  /** A leave that takes no working time on the requester's calendar. */
  | 'no_workdays'
  /** A leave longer than the calendar counts (a year). */
  | 'too_long_span';

/** A problem with one field, as a code the renderer translates, never as English prose. */
export interface FieldIssue {
  field: string;
  code: FieldIssueCode;
  limit?: number | string;
}

/** A field issue as it crosses the wire (a refusal's `issues`, a preview's): the code stays open for newer servers. */
export const WireFieldIssue = z.object({
  field: z.string().max(32),
  code: z.string().max(32),
  limit: z.union([z.number(), z.string().max(32)]).optional(),
});
export type WireFieldIssue = z.infer<typeof WireFieldIssue>;

export type FormCheck = { ok: true; values: Record<string, string | number> } | { ok: false; issues: FieldIssue[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkDate(field: TemplateField & { type: 'date' | 'datetime' }, raw: string): boolean {
  const match = (field.type === 'date' ? DATE : DATETIME).exec(raw);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whole multiples of `step`, tolerant of binary fractions (0.1 + 0.2). */
function onStep(value: number, step: number): boolean {
  const units = value / step;
  return Math.abs(units - Math.round(units)) < 1e-9 * Math.max(1, Math.abs(units));
}

function checkOne(field: TemplateField, value: FieldValue): FieldIssue | string | number | null {
  const issue = (code: FieldIssueCode, limit?: number | string): FieldIssue =>
    limit === undefined ? { field: field.key, code } : { field: field.key, code, limit };
  const empty = value === null || (typeof value === 'string' && value.trim() === '');
  if (empty) return field.required ? issue('required') : null;
  switch (field.type) {
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return issue('required');
      const text = value.trim();
      return [...text].length > field.maxLength ? issue('too_long', field.maxLength) : text;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value.trim());
      if (!Number.isFinite(n)) return issue('not_a_number');
      if (n < field.min) return issue('below_min', field.min);
      if (n > field.max) return issue('above_max', field.max);
      if (!onStep(n, field.step)) return issue('bad_step', field.step);
      return n;
    }
    case 'date':
    case 'datetime':
      return typeof value === 'string' && checkDate(field, value) ? value : issue('invalid_date');
    case 'select':
      return typeof value === 'string' && field.options.some((o) => o.value === value) ? value : issue('not_an_option');
  }
}

/**
 * Checks a submission against its template's fields, in the renderer as the user types and on the
 * server as the authority. Returns trimmed values with empty optional fields left out.
 */
export function validateForm(fields: readonly TemplateField[], values: FormValues): FormCheck {
  const issues: FieldIssue[] = [];
  const clean: Record<string, string | number> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ field: key, code: 'unknown_field' });
  for (const field of fields) {
    const outcome = checkOne(field, Object.hasOwn(values, field.key) ? values[field.key]! : null);
    if (outcome === null) continue;
    if (typeof outcome === 'object') issues.push(outcome);
    else clean[field.key] = outcome;
  }
  for (const field of fields) {
    if ((field.type !== 'date' && field.type !== 'datetime') || field.notBefore === undefined) continue;
    const mine = clean[field.key];
    const other = clean[field.notBefore];
    // ISO dates compare correctly as strings.
    if (typeof mine === 'string' && typeof other === 'string' && mine < other) {
      issues.push({ field: field.key, code: 'before_other', limit: field.notBefore });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values: clean };
}
