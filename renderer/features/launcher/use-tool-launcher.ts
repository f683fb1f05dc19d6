import { createElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LauncherEntryView } from '../../../shared/bridge/views.ts';
import type { LaunchSource } from '../../../shared/domain/launcher/index.ts';
import { launchErrorText, launchTool } from './launch-tool.ts';
import { localized } from '../../i18n/localized.ts';

/** Launches a tool and keeps the last outcome as a message (an alert when it failed). */
export function useToolLauncher(): { launch: (tool: LauncherEntryView, source: LaunchSource) => void; message: ReactNode } {
  const { t, i18n } = useTranslation();
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const launch = (tool: LauncherEntryView, source: LaunchSource) => {
    void launchTool(tool.id, source).then((outcome) =>
      setLast(
        outcome.status === 'failed'
          ? { ok: false, text: launchErrorText(outcome, t) }
          : { ok: true, text: t('launcher.opened', { name: localized(tool.name, i18n.language) }) },
      ),
    );
  };
  const message = last
    ? createElement(
        'p',
        { className: last.ok ? 'launch-message' : 'launch-message error', role: last.ok ? 'status' : 'alert' },
        last.text,
      )
    : null;
  return { launch, message };
}
