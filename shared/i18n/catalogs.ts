import type { Language } from '../bridge/views.ts';
import en from './locales/en.json' with { type: 'json' };
import he from './locales/he.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };

/** A translation catalog: nested keys down to strings. */
export type Catalog = { [key: string]: string | Catalog };

/** Every language's catalog, once, for the window and for core (a toast and the window never disagree on a word). */
export const catalogs: Record<Language, Catalog> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, he, ru, nb };

/** The catalogs as i18next takes them. */
export const i18nextResources = (): Record<string, { translation: Catalog }> =>
  Object.fromEntries(Object.entries(catalogs).map(([language, catalog]) => [language, { translation: catalog }]));

/** Every string of a catalog by its dotted key. */
export function catalogLeaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of catalogLeaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
