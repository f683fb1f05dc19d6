import type { ToolTarget, WebLaunch } from '../../../../shared/domain/launcher/index.ts';

export type WebTarget = Extract<ToolTarget, { kind: 'web' }>;

/**
 * Where a web tool opens: the shell's business. Electron opens a hardened app window or the system
 * browser and answers `opened`; the browser host cannot, so it answers a URL for the page to open.
 */
export interface LauncherShell {
  openWeb(launch: WebLaunch): Promise<{ opened: true } | { openUrl: string }>;
}
