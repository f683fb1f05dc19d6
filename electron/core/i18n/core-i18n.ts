import type { LocalizedText } from '../../../shared/domain/approvals/template.ts';
import { pickLocalized } from '../../../shared/domain/localized-text.ts';
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/bridge/views.ts';
import { i18nextResources } from '../../../shared/i18n/catalogs.ts';

/**
 * Text core writes itself (desktop notifications, tray menu), from the same catalogs as the
 * renderer, so a toast and the window never disagree on a word.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: i18nextResources(),
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function translatorFor(language: Language | null): TFunction {
  return instance.getFixedT(language ?? 'en');
}

/** A server-provided name in the given language, through the same fallback order as the window. */
export function localized(text: LocalizedText, language: Language | null): string {
  return pickLocalized(text, language ?? 'en');
}
