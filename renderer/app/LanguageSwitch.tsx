import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/bridge/views.ts';
import { portico } from '../bridge/portico.ts';
import { applyLanguage, languages } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = (language: Language) => {
    void applyLanguage(language);
    void portico.call('settings.setLanguage', { language });
  };
  return (
    <label className="language-switch">
      <span>{t('common.language')}</span>
      <select value={i18n.language} onChange={(e) => change(e.target.value as Language)} aria-label={t('common.language')}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
