import { useTranslation } from 'react-i18next';
import type { FieldValue } from '../../../shared/domain/approvals/form.ts';
import type { TemplateField } from '../../../shared/domain/approvals/template.ts';
import { localized } from '../../i18n/localized.ts';

/** One generated form control, labelled, with its problem shown under it and announced. */
export function FormFieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: TemplateField;
  value: FieldValue | undefined;
  error: string | null;
  onChange: (value: FieldValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = `field-${field.key}`;
  const text = value === null || value === undefined ? '' : String(value);
  const common = {
    id,
    name: field.key,
    'aria-invalid': error !== null,
    'aria-describedby': error ? `${id}-error` : undefined,
    required: field.required,
  };
  let control;
  switch (field.type) {
    case 'longText':
      control = (
        <textarea {...common} rows={3} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'text':
      control = (
        <input {...common} type="text" maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'number':
      control = (
        <span className="with-unit">
          <input
            {...common}
            type="number"
            inputMode="decimal"
            min={field.min}
            max={field.max}
            step={field.step}
            value={text}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          />
          {field.unit && <span className="unit">{localized(field.unit, i18n.language)}</span>}
        </span>
      );
      break;
    case 'date':
      control = <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value || null)} />;
      break;
    case 'datetime':
      control = <input {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.target.value || null)} />;
      break;
    case 'select':
      control = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value || null)}>
          {field.initial === undefined && <option value="">{t('approvals.form.choose')}</option>}
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {localized(option.label, i18n.language)}
            </option>
          ))}
        </select>
      );
      break;
  }
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {localized(field.label, i18n.language)}
        {!field.required && !(field.type === 'select' && field.initial !== undefined) && (
          <span className="muted small"> ({t('approvals.form.optional')})</span>
        )}
      </label>
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
