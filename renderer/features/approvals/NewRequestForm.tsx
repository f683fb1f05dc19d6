import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { type FieldIssue, type FormValues, validateForm } from '../../../shared/domain/approvals/form.ts';
import type { ApprovalTemplate } from '../../../shared/domain/approvals/template.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { portico } from '../../bridge/portico.ts';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { FormFieldInput } from './FormFieldInput.tsx';
import { OutcomeMessage } from './OutcomeMessage.tsx';
import { localized } from '../../i18n/localized.ts';
import { issueMessage } from './approval-format.ts';
import { ApproverPreview, ComputedField } from './SubmissionPreview.tsx';
import { useRequestPreview } from './use-request-preview.ts';
import { Button } from '../../ui/Button.tsx';

/**
 * Choose a template, fill the form generated from it, submit. The shared validator runs as the
 * user types (after the first submit attempt), and the server's field issues land on the same fields.
 */
export function NewRequestForm({
  initial,
  onDone,
  onCancel,
}: {
  initial: { templateKey: string; values: FormValues } | null;
  onDone: (requestId: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const templates = useCoreView('approvals.templates');
  const [templateKey, setTemplateKey] = useState<string | null>(initial?.templateKey ?? null);
  const template = templates?.find((candidate) => candidate.key === templateKey) ?? null;
  if (!templates) return <div aria-busy="true" />;
  if (!template) {
    return (
      <div className="new-request">
        <h2>{t('approvals.form.chooseTemplate')}</h2>
        <div className="template-grid">
          {templates.map((candidate) => (
            <TemplateCard key={candidate.key} template={candidate} onChoose={() => setTemplateKey(candidate.key)} />
          ))}
        </div>
        <Button variant="link" onClick={onCancel}>
          {t('approvals.form.back')}
        </Button>
      </div>
    );
  }
  return (
    <TemplateForm
      key={template.key}
      template={template}
      initial={initial?.values ?? {}}
      onDone={onDone}
      onBack={() => setTemplateKey(null)}
    />
  );
}

function TemplateCard({ template, onChoose }: { template: ApprovalTemplate; onChoose: () => void }) {
  const { i18n } = useTranslation();
  return (
    <button className="card template-card" onClick={onChoose}>
      <strong>{localized(template.name, i18n.language)}</strong>
      <span className="muted small">{localized(template.description, i18n.language)}</span>
    </button>
  );
}

function TemplateForm({
  template,
  initial,
  onDone,
  onBack,
}: {
  template: ApprovalTemplate;
  initial: FormValues;
  onDone: (requestId: string | null) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(
      template.fields
        .filter((f) => !(f.type === 'number' && f.computed))
        .map((f) => [f.key, initial[f.key] ?? (f.type === 'select' ? f.initial : undefined) ?? null]),
    ),
  );
  const preview = useRequestPreview(template.key, values);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [attachments, setAttachments] = useState<AttachmentRef[]>([]);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const check = useMemo(() => validateForm(template.fields, values), [template.fields, values]);
  const previewIssues: FieldIssue[] = (preview?.issues ?? []).map((i) => ({ ...i, code: i.code as FieldIssue['code'] }));
  const issues = attempted && !check.ok ? check.issues : serverIssues.length > 0 ? serverIssues : previewIssues;
  const errorFor = (key: string) => {
    const issue = issues.find((i) => i.field === key);
    return issue ? issueMessage(issue, template.fields, i18n.language, t) : null;
  };
  const submit = async () => {
    setAttempted(true);
    if (!check.ok) return;
    setBusy(true);
    const result = await portico.call('approvals.submit', {
      templateKey: template.key,
      values: check.values,
      attachmentIds: attachments.map((a) => a.id),
    });
    setBusy(false);
    setOutcome(result);
    if (result.status === 'failed') {
      setServerIssues(
        (result.issues ?? []).map((i) => ({
          field: i.field,
          code: i.code as FieldIssue['code'],
          ...(i.limit !== undefined ? { limit: i.limit } : {}),
        })),
      );
      setAttempted(false);
      return;
    }
    onDone(result.status === 'done' ? (result.requestId ?? null) : null);
  };
  return (
    <form
      className="new-request"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{localized(template.name, i18n.language)}</h2>
      <p className="muted small">{localized(template.description, i18n.language)}</p>
      {template.fields.map((field) =>
        field.type === 'number' && field.computed ? (
          <ComputedField key={field.key} field={field} preview={preview} />
        ) : (
          <FormFieldInput
            key={field.key}
            field={field}
            value={values[field.key]}
            error={errorFor(field.key)}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ),
      )}
      <ApproverPreview preview={preview} />
      <AttachmentPicker value={attachments} onChange={setAttachments} />
      <OutcomeMessage outcome={outcome} />
      <div className="form-buttons">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('approvals.form.submitting') : t('approvals.form.submit')}
        </Button>
        <Button variant="link" type="button" onClick={onBack}>
          {t('approvals.form.back')}
        </Button>
      </div>
    </form>
  );
}
