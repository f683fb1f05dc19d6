import type { Clock } from '../../shared/domain/clock.ts';
import type { FileLog } from './log/core-log.ts';
import type { OsToasts } from './notify/os-toasts.ts';
import type { ShellNetwork } from './net/core-network.ts';
import type { LauncherShell } from './features/launcher/launcher-types.ts';
import type { EffectivePolicy } from './policy/resolve-policy.ts';
import type { TokenVault } from './secrets/token-vault.ts';
import type { SettingsStore } from './settings/settings.ts';

/** What a shell (Electron's main process, the browser host) gives core. */
export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  vault: TokenVault;
  shell: 'electron' | 'browser-host';
  version: string;
  platform: string;
  deviceName: string;
  /** Used when the user has not chosen a server yet and no policy names one. */
  defaultServerUrl: string;
  /** Machine, user and file policy, resolved (see electron/core/policy). */
  policy?: EffectivePolicy;
  /** The OS's language (Electron's `app.getLocale()`); the process's own locale when absent. */
  systemLocale?: string;
  clock?: Clock;
  /** Opens web tools (an app window in Electron, a hand-off page in the browser host). */
  launcherShell: LauncherShell;
  /** For `%ProgramFiles%` in allow-list paths; defaults to this process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The shell's view of the network (Electron's proxy resolution); core's own policy resolver when absent. */
  network?: ShellNetwork;
  /**
   * The OS's notifications where the shell does not show core's toasts itself (the browser host):
   * core raises one there when `wanted()` (no page visible), and the pages show theirs otherwise.
   */
  osToasts?: OsToasts;
  /** Where core and the shell log; a rotating file under `dataDir/logs` when absent. */
  log?: FileLog;
  /** Away after this long without input (default 10 minutes). */
  idleAfterMs?: number;
}
