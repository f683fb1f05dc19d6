import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/bridge/views.ts';
import en from '../../shared/i18n/locales/en.json';
import he from '../../shared/i18n/locales/he.json';
import zhCN from '../../shared/i18n/locales/zh-CN.json';

export const languages: { code: Language; label: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'zh-CN', label: '简体中文', dir: 'ltr' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
];

export function detectLanguage(saved: Language | null): Language {
  if (saved) return saved;
  const browser = navigator.language.toLowerCase();
  if (browser.startsWith('zh')) return 'zh-CN';
  if (browser.startsWith('he') || browser.startsWith('iw')) return 'he';
  return 'en';
}

/** Sets the language and the document direction together, so a right-to-left language flips the layout. */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = languages.find((l) => l.code === language)?.dir ?? 'ltr';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, he: { translation: he } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
