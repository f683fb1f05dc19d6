import { z } from 'zod';

/**
 * Names the server provides (templates, fields, options, steps, tools) carry every UI language they
 * can. English and Simplified Chinese are required (every organisation has them); the others are
 * optional, and a missing one falls back in the order below, which admins see at
 * `GET /api/admin/languages`.
 */
export const CONTENT_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'he', 'ru', 'nb'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export const ContentLanguage = z.enum(CONTENT_LANGUAGES);

const text = (max: number) => z.string().trim().min(1).max(max);

export const localizedText = (max: number) =>
  z.object({
    en: text(max),
    'zh-CN': text(max),
    'zh-TW': text(max).optional(),
    he: text(max).optional(),
    ru: text(max).optional(),
    nb: text(max).optional(),
  });

/** Where a UI language looks when a name lacks it: its own, a close relative, then English, then Chinese. */
export const FALLBACK: Record<ContentLanguage, readonly ContentLanguage[]> = {
  en: ['en', 'zh-CN'],
  'zh-CN': ['zh-CN', 'zh-TW', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
  he: ['he', 'en', 'zh-CN'],
  ru: ['ru', 'en', 'zh-CN'],
  nb: ['nb', 'en', 'zh-CN'],
};

/** The content language a UI language reads: `zh-Hant`/`zh-HK` read Traditional, other `zh` Simplified, `no`/`nn` Bokmål. */
export function contentLanguageOf(language: string): ContentLanguage {
  const lower = language.toLowerCase();
  if (lower.startsWith('zh')) return /^zh-(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('he') || lower.startsWith('iw')) return 'he';
  if (lower.startsWith('ru')) return 'ru';
  if (lower.startsWith('nb') || lower.startsWith('no') || lower.startsWith('nn')) return 'nb';
  return 'en';
}

/** The name in the UI language, or the first of its fallbacks the name has. */
export function pickLocalized(name: Partial<Record<ContentLanguage, string>> & { en: string }, language: string): string {
  for (const candidate of FALLBACK[contentLanguageOf(language)]) {
    const value = name[candidate];
    if (value) return value;
  }
  return name.en;
}

/** A language a caller asks for in a link (`ru`, `nb-NO`, `zh-Hant`), read as the content language it means. */
export const RequestedLanguage = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'a language tag such as en, zh-CN, zh-TW, he, ru or nb')
  .transform(contentLanguageOf);
