import type { LocalizedText } from '../../shared/domain/approvals/template.ts';

/** A server-provided name in the UI language; languages the server does not carry fall back to English. */
export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('zh') ? text['zh-CN'] : text.en;
}

/** The same name in the other language the server carries (search finds 报销 in an English UI). */
export function otherLocalized(text: LocalizedText, language: string): string {
  return language.startsWith('zh') ? text.en : text['zh-CN'];
}
