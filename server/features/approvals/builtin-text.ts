import type { LocalizedText } from '../../../shared/domain/approvals/template.ts';

/**
 * A built-in name in the six UI languages, each written with its place's own words (請假 and 特休
 * in Taiwan, отгул in Russia, avspasering in Norway), not converted from another language.
 */
export const t = (en: string, zhCN: string, zhTW: string, he: string, ru: string, nb: string): LocalizedText => ({
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  he,
  ru,
  nb,
});

/** The first step of most forms: the requester's manager. */
export const manager = {
  name: t('Manager', '直属上级', '直屬主管', 'מנהל ישיר', 'Руководитель', 'Nærmeste leder'),
  approvers: { kind: 'manager' },
  mode: 'any',
} as const;
/** The reason every form asks for. */
export const reason = {
  key: 'reason',
  type: 'text',
  label: t('Reason', '事由', '事由', 'סיבה', 'Причина', 'Begrunnelse'),
  required: true,
  maxLength: 200,
} as const;
