import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/bridge/views.ts';
import { PSEUDO_LANGUAGE, pseudoCatalog } from '../../shared/i18n/pseudo.ts';
import en from '../../shared/i18n/locales/en.json';
import he from '../../shared/i18n/locales/he.json';
import zhCN from '../../shared/i18n/locales/zh-CN.json';
import zhTW from '../../shared/i18n/locales/zh-TW.json';

/** What the window can show: the people's languages, and the pseudo-language for finding layout and i18n gaps. */
export type DisplayLanguage = Language | typeof PSEUDO_LANGUAGE;

export const languages: { code: DisplayLanguage; label: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'zh-CN', label: '简体中文', dir: 'ltr' },
  { code: 'zh-TW', label: '繁體中文', dir: 'ltr' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
];

/** The pseudo-language is offered only where a developer or a test turned it on for this profile. */
const PSEUDO_SWITCH = 'portico.pseudoLanguage';
const pseudoLanguage = { code: PSEUDO_LANGUAGE, label: 'Pseudo ⟦Ƥśéúđó⟧', dir: 'rtl' } as const;

function pseudoSwitchedOn(): boolean {
  try {
    return window.localStorage.getItem(PSEUDO_SWITCH) === 'on';
  } catch {
    return false; // storage refused (a locked-down profile): the people's languages only
  }
}

export function offeredLanguages(): typeof languages {
  return pseudoSwitchedOn() ? [...languages, pseudoLanguage] : languages;
}

export function detectLanguage(saved: Language | null): Language {
  if (saved) return saved;
  const browser = navigator.language.toLowerCase();
  // Taiwan, Hong Kong, Macau and any Traditional-script Chinese read Traditional; the rest Simplified.
  if (browser.startsWith('zh')) return /^zh-(tw|hk|mo|hant)/.test(browser) ? 'zh-TW' : 'zh-CN';
  if (browser.startsWith('he') || browser.startsWith('iw')) return 'he';
  return 'en';
}

/** Sets the language and the document direction together, so a right-to-left language flips the layout. */
export async function applyLanguage(language: DisplayLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = [...languages, pseudoLanguage].find((l) => l.code === language)?.dir ?? 'ltr';
}

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    'zh-CN': { translation: zhCN },
    'zh-TW': { translation: zhTW },
    he: { translation: he },
    [PSEUDO_LANGUAGE]: { translation: pseudoCatalog(en) },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
