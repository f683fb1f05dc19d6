import { useTranslation } from 'react-i18next';

export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{title}</h1>
      <p className="muted">{t('placeholder.soon')}</p>
    </div>
  );
}
