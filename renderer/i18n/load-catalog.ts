import type { Language } from '../../shared/bridge/views.ts';
import type { Catalog } from '../../shared/i18n/catalogs.ts';
import en from '../../shared/i18n/locales/en.json';
import { PSEUDO_LANGUAGE, pseudoCatalog } from '../../shared/i18n/pseudo.ts';

/**
 * The window ships English (the fallback every key ends in) and fetches another language's catalog
 * when it is first shown: six catalogs in the first bundle cost 24 KiB of gzip every start.
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  'zh-CN': () => import('../../shared/i18n/locales/zh-CN.json'),
  'zh-TW': () => import('../../shared/i18n/locales/zh-TW.json'),
  he: () => import('../../shared/i18n/locales/he.json'),
  ru: () => import('../../shared/i18n/locales/ru.json'),
  nb: () => import('../../shared/i18n/locales/nb.json'),
};

export const englishCatalog: Catalog = en;

/** A language's catalog; the pseudo-language is built from English when it is first chosen. */
export async function loadCatalog(language: Language | typeof PSEUDO_LANGUAGE): Promise<Catalog> {
  if (language === 'en') return englishCatalog;
  if (language === PSEUDO_LANGUAGE) return pseudoCatalog(englishCatalog);
  return (await loaders[language]()).default;
}
