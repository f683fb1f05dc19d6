import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../shared/bridge/views.ts';
import { portico } from '../bridge/portico.ts';
import { applyLanguage, offeredLanguages, type DisplayLanguage } from '../i18n/i18n.ts';

/** The window's language; read-only with a word of why where IT fixed it by policy. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    void portico.call('settings.get', {}).then((settings) => setLocked(settings.languageLocked));
  }, []);
  const change = (language: DisplayLanguage) => {
    void applyLanguage(language);
    // The pseudo-language is this window's alone: it is never saved as the person's language.
    const saved = Language.safeParse(language);
    if (saved.success) void portico.call('settings.setLanguage', { language: saved.data });
  };
  return (
    <label className="language-switch" title={locked ? t('login.serverLocked') : undefined}>
      <span>{t('common.language')}</span>
      <select
        value={i18n.language}
        disabled={locked}
        onChange={(e) => change(e.target.value as DisplayLanguage)}
        aria-label={t('common.language')}
        aria-description={locked ? t('login.serverLocked') : undefined}
      >
        {offeredLanguages().map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
