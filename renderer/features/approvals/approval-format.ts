import type { TFunction } from 'i18next';
import { localized } from '../../i18n/localized.ts';
import type { LocalizedText, TemplateField } from '../../../shared/domain/approvals/template.ts';
import type { FieldIssue } from '../../../shared/domain/approvals/form.ts';

/** A stored form value as the reader expects it: option labels, units, local dates. */
export function formatFieldValue(field: TemplateField, value: string | number | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'select':
      return localized(
        field.options.find((o) => o.value === value)?.label ?? { en: String(value), 'zh-CN': String(value) },
        language,
      );
    case 'number':
      return formatAmount(Number(value), field.unit, language);
    case 'date':
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${value}T00:00:00Z`));
    case 'datetime':
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        Date.parse(`${value}:00Z`),
      );
    default:
      return String(value);
  }
}

/**
 * A number with its unit. A unit that is a currency code (CNY) is written as the reader's locale
 * writes money ("CN¥386.50", "¥386.50"), not "386.5 CNY".
 */
export function formatAmount(value: number, unit: LocalizedText | null | undefined, language: string): string {
  const code = unit?.en;
  if (code && /^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(language, { style: 'currency', currency: code }).format(value);
    } catch {
      // Not a currency Intl knows: written as a plain unit below.
    }
  }
  const formatted = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return unit ? `${formatted} ${localized(unit, language)}` : formatted;
}

/** A field issue in the user's language, naming the other field where the rule compares two. */
export function issueMessage(
  issue: Pick<FieldIssue, 'code' | 'limit'>,
  fields: readonly TemplateField[],
  language: string,
  t: TFunction,
): string {
  const other = fields.find((f) => f.key === issue.limit);
  return t(`approvals.issue.${issue.code}`, {
    limit: issue.limit,
    other: other ? localized(other.label, language) : issue.limit,
    defaultValue: issue.code,
  });
}
