import type { TFunction } from 'i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';

/** "Web · signed in", "Program", or why it cannot start on this PC. */
export function toolKindLabel(tool: LauncherEntryView, t: TFunction): string {
  if (tool.availability !== 'ready') return t(`launcher.availability.${tool.availability}`);
  const target = tool.target;
  if (target.kind === 'web') return t(target.sso.mode === 'none' ? 'launcher.kind.web' : 'launcher.kind.webSso');
  return t(`launcher.kind.${target.kind}`);
}
