import { useTranslation } from 'react-i18next';
import type { RequestPreview } from '../../../shared/domain/approvals/preview.ts';
import type { TemplateField } from '../../../shared/domain/approvals/template.ts';
import { formatList } from '../../app/format.ts';
import { localized } from '../../i18n/localized.ts';

type NumberField = TemplateField & { type: 'number' };

/** A field the server fills in (a leave's working days), shown as the server counted it. */
export function ComputedField({ field, preview }: { field: NumberField; preview: RequestPreview | null }) {
  const { t, i18n } = useTranslation();
  const value = preview?.values[field.key];
  const id = `field-${field.key}`;
  return (
    <div className="form-field computed-field">
      <span className="label" id={`${id}-label`}>
        {localized(field.label, i18n.language)}
      </span>
      <output id={id} aria-labelledby={`${id}-label`} aria-live="polite" data-testid={`computed-${field.key}`}>
        {typeof value === 'number' ? new Intl.NumberFormat(i18n.language).format(value) : t('approvals.form.computedPending')}
      </output>
      <span className="muted small">{t('approvals.form.computedHint')}</span>
    </div>
  );
}

/** Who would approve, step by step, as the server would route the form now. */
export function ApproverPreview({ preview }: { preview: RequestPreview | null }) {
  const { t, i18n } = useTranslation();
  if (!preview || preview.chain.length === 0) return null;
  return (
    <section className="approver-preview" aria-label={t('approvals.form.whoApproves')} data-testid="approver-preview">
      <h3 className="small">{t('approvals.form.whoApproves')}</h3>
      <ol>
        {preview.chain.map((step, index) => (
          <li key={index} data-skipped={step.skip !== null}>
            <strong>{localized(step.name, i18n.language)}</strong>{' '}
            <span>
              {step.skip === null
                ? formatList(
                    step.approvers.map((a) => a.name),
                    i18n.language,
                    step.mode === 'any' ? 'or' : 'and',
                  )
                : t(`approvals.form.skip.${step.skip}`)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
