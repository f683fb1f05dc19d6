import type { LocalizedText } from '../../shared/domain/approvals/template.ts';
import { contentLanguageOf, pickLocalized } from '../../shared/domain/localized-text.ts';
import { PSEUDO_LANGUAGE, pseudoLocalize } from '../../shared/i18n/pseudo.ts';

/** A server-provided name in the UI language, through the shared fallback order (Hebrew, then English, then Chinese). */
export function localized(text: LocalizedText, language: string): string {
  return language === PSEUDO_LANGUAGE ? pseudoLocalize(text.en) : pickLocalized(text, language);
}

/** The name in another language the server carries, for search (报销 finds Expense claims in an English UI). */
export function otherLocalized(text: LocalizedText, language: string): string {
  return contentLanguageOf(language).startsWith('zh') ? text.en : text['zh-CN'];
}
