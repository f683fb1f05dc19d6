import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/bridge/views.ts';
import { contentLanguageOf } from '../../shared/domain/localized-text.ts';
import { PSEUDO_LANGUAGE } from '../../shared/i18n/pseudo.ts';
import { englishCatalog, loadCatalog } from './load-catalog.ts';

/** What the window can show: the people's languages, and the pseudo-language for finding layout and i18n gaps. */
export type DisplayLanguage = Language | typeof PSEUDO_LANGUAGE;

export const languages: { code: DisplayLanguage; label: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'zh-CN', label: '简体中文', dir: 'ltr' },
  { code: 'zh-TW', label: '繁體中文', dir: 'ltr' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
  { code: 'ru', label: 'Русский', dir: 'ltr' },
  { code: 'nb', label: 'Norsk bokmål', dir: 'ltr' },
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

/**
 * The saved choice, else the system's language, read the way server names are read (Taiwan, Hong
 * Kong and Macau Chinese is Traditional; any Norwegian is Bokmål).
 */
export function detectLanguage(saved: Language | null): Language {
  return saved ?? contentLanguageOf(navigator.language);
}

/** Sets the language and the document direction together, so a right-to-left language flips the layout. */
export async function applyLanguage(language: DisplayLanguage): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation'))
    i18next.addResourceBundle(language, 'translation', await loadCatalog(language));
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = [...languages, pseudoLanguage].find((l) => l.code === language)?.dir ?? 'ltr';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: englishCatalog } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
