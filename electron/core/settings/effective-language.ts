import type { Language } from '../../../shared/bridge/views.ts';
import { contentLanguageOf } from '../../../shared/domain/localized-text.ts';
import type { EffectivePolicy } from '../policy/resolve-policy.ts';

/** The language IT fixed by policy (a default language with "Lock the language" on), or null. */
export function lockedLanguage(policy: EffectivePolicy | undefined): Language | null {
  return policy?.values.lockLanguage === true ? (policy.values.defaultLanguage ?? null) : null;
}

/**
 * The language core writes toasts and the tray in, by the same order as the window: IT's locked
 * language, else the person's choice, else IT's default, else the system's language (a Russian
 * Windows starts in Russian, a Taiwanese one in Traditional Chinese).
 */
export function effectiveLanguage(saved: Language | null, policy: EffectivePolicy | undefined, systemLocale: string): Language {
  return lockedLanguage(policy) ?? saved ?? policy?.values.defaultLanguage ?? contentLanguageOf(systemLocale);
}
