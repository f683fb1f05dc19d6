import { useTranslation } from 'react-i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import { FavoriteButton } from './FavoriteButton.tsx';
import { localized } from '../../i18n/localized.ts';
import { toolKindLabel } from './tool-labels.ts';
import { ToolIcon } from './ToolIcon.tsx';

export function ToolTile({ tool, onLaunch }: { tool: LauncherEntryView; onLaunch: () => void }) {
  const { t, i18n } = useTranslation();
  const ready = tool.availability === 'ready';
  return (
    <div className={ready ? 'tool-tile' : 'tool-tile unavailable'}>
      <button className="tool-launch" onClick={onLaunch} aria-describedby={`tile-${tool.id}`}>
        <ToolIcon icon={tool.icon} color={tool.color} large />
        <span className="tool-name">{localized(tool.name, i18n.language)}</span>
      </button>
      <span id={`tile-${tool.id}`} className="tool-meta muted">
        {toolKindLabel(tool, t)}
      </span>
      <FavoriteButton tool={tool} />
    </div>
  );
}
