import { useTranslation } from 'react-i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import { portico } from '../../bridge/portico.ts';
import { localized } from '../../i18n/localized.ts';

export function FavoriteButton({ tool }: { tool: LauncherEntryView }) {
  const { t, i18n } = useTranslation();
  const name = localized(tool.name, i18n.language);
  return (
    <button
      className={tool.favorite ? 'favorite on' : 'favorite'}
      aria-pressed={tool.favorite}
      aria-label={t(tool.favorite ? 'launcher.unfavorite' : 'launcher.favorite', { name })}
      title={t(tool.favorite ? 'launcher.unfavorite' : 'launcher.favorite', { name })}
      onClick={() => void portico.call('launcher.setFavorite', { toolId: tool.id, favorite: !tool.favorite })}
    >
      {tool.favorite ? '★' : '☆'}
    </button>
  );
}
