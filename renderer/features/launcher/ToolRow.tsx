import { useTranslation } from 'react-i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import { FavoriteButton } from './FavoriteButton.tsx';
import { localized } from '../../i18n/localized.ts';
import { toolKindLabel } from './tool-labels.ts';
import { ToolIcon } from './ToolIcon.tsx';

export function ToolRow({ tool, onLaunch }: { tool: LauncherEntryView; onLaunch: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const description = localized(tool.description, language);
  return (
    <div className={tool.availability === 'ready' ? 'tool-row' : 'tool-row unavailable'}>
      <button className="tool-row-launch" onClick={onLaunch}>
        <ToolIcon icon={tool.icon} color={tool.color} />
        <span className="tool-row-text">
          <span className="tool-name">{localized(tool.name, language)}</span>
          <span className="muted">
            {localized(tool.category, language)} · {toolKindLabel(tool, t)}
            {description ? ` · ${description}` : ''}
          </span>
        </span>
        {tool.usage.count > 0 && <span className="muted tool-uses">{t('launcher.uses', { count: tool.usage.count })}</span>}
      </button>
      <FavoriteButton tool={tool} />
    </div>
  );
}
