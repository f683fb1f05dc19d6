import type { TFunction } from 'i18next';
import type { ConnectionView, HomeView, Language } from '../../../shared/bridge/views.ts';
import type { ApprovalTaskSummary } from '../../../shared/domain/approvals/request.ts';
import { nextClockKind } from '../../../shared/domain/attendance/index.ts';
import type { CatalogEntry } from '../../../shared/domain/launcher/index.ts';
import { localized } from '../i18n/core-i18n.ts';

export const CLOCK_ACCELERATOR = 'CommandOrControl+Alt+K';
/** Opens the command palette from anywhere (PowerToys Run and Spotlight sit on Alt+Space and Cmd+Space). */
export const PALETTE_ACCELERATOR = 'CommandOrControl+Alt+Space';
const TRAY_TOOLS = 8;

export type TrayItem =
  | { kind: 'open'; label: string }
  | { kind: 'info'; label: string }
  | { kind: 'task'; label: string; taskId: string; route: string; approveLabel: string; openLabel: string }
  | { kind: 'route'; label: string; route: string }
  /** Clock in or out (whichever is next), with the shortcut shown as the accelerator. */
  | { kind: 'clock'; label: string; accelerator: string }
  /** The command palette, with its global shortcut. */
  | { kind: 'palette'; label: string; accelerator: string }
  /** Favourite tools (else the most used), launched straight from the tray. */
  | { kind: 'tools'; label: string; tools: { toolId: string; label: string }[] }
  | { kind: 'separator' }
  /** Copies version, policy sources, connection state and the last log lines for the help desk. */
  | { kind: 'diagnostics'; label: string }
  | { kind: 'quit'; label: string };

export interface TrayModel {
  tooltip: string;
  /** What waits for me: approvals plus notices that need an acknowledgement. */
  badge: number;
  attention: boolean;
  /** An urgent notice waits for an acknowledgement: the icon turns red until it is done. */
  urgent: boolean;
  items: TrayItem[];
}

const TOP_TASKS = 5;
const LABEL_MAX = 48;

const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/**
 * The tray menu as data, in the user's language: the oldest pending approvals, each with Approve
 * and Open, then counts and the connection. Electron's main process only turns it into a Menu.
 */
export function buildTrayModel(
  home: HomeView,
  connection: ConnectionView,
  pending: readonly ApprovalTaskSummary[],
  language: Language | null,
  t: TFunction,
  tools: readonly CatalogEntry[] = [],
): TrayModel {
  // Chat counts like the rest (muted conversations are already left out); a mention makes it loud.
  const badge = home.pendingApprovals + home.unacknowledgedRequired + home.unreadChats;
  const tasks: TrayItem[] = pending.slice(0, TOP_TASKS).map((task) => ({
    kind: 'task',
    label: clip(`${localized(task.templateName, language)} · ${task.title} · ${task.submitter.name}`),
    taskId: task.id,
    route: `approvals/${task.requestId}`,
    approveLabel: t('approvals.approve'),
    openLabel: t('toast.open'),
  }));
  const more = pending.length - tasks.length;
  const next = nextClockKind({ queued: home.queuedClock, today: home.today, last: home.lastClock });
  const trayTools = [...tools]
    .filter((tool) => tool.favorite || tool.usage.count > 0)
    .sort((a, b) => Number(b.favorite) - Number(a.favorite) || b.usage.count - a.usage.count)
    .slice(0, TRAY_TOOLS)
    .map((tool) => ({ toolId: tool.id, label: clip(localized(tool.name, language)) }));
  const urgent: TrayItem[] = home.urgentNotices.slice(0, 3).map((notice) => ({
    kind: 'route',
    label: clip(t('tray.urgent', { title: notice.title })),
    route: `notices/${notice.id}`,
  }));
  const tooltip = t('tray.tooltip', { approvals: home.pendingApprovals, notices: home.unreadNotices });
  return {
    tooltip:
      home.urgentNotices.length > 0 ? `${tooltip}\n${t('tray.urgentTooltip', { count: home.urgentNotices.length })}` : tooltip,
    badge,
    attention: badge > 0,
    urgent: urgent.length > 0,
    items: [
      ...urgent,
      ...(urgent.length > 0 ? [{ kind: 'separator' } as TrayItem] : []),
      { kind: 'open', label: t('tray.open') },
      { kind: 'info', label: t(`connection.${connection.state}`) },
      { kind: 'separator' },
      { kind: 'clock', label: t(next === 'in' ? 'tray.clockIn' : 'tray.clockOut'), accelerator: CLOCK_ACCELERATOR },
      { kind: 'palette', label: t('tray.palette'), accelerator: PALETTE_ACCELERATOR },
      ...(trayTools.length > 0 ? [{ kind: 'tools', label: t('tray.tools'), tools: trayTools } as TrayItem] : []),
      ...(tasks.length > 0 ? [{ kind: 'info', label: t('tray.waiting', { count: pending.length }) } as TrayItem, ...tasks] : []),
      ...(more > 0 ? [{ kind: 'route', label: t('tray.more', { count: more }), route: 'approvals' } as TrayItem] : []),
      { kind: 'route', label: t('tray.notices', { count: home.unreadNotices }), route: 'notices' },
      {
        kind: 'route',
        label:
          home.chatMentions > 0
            ? t('tray.chatsMentioned', { count: home.unreadChats })
            : t('tray.chats', { count: home.unreadChats }),
        route: 'chat',
      },
      { kind: 'separator' },
      { kind: 'diagnostics', label: t('tray.diagnostics') },
      { kind: 'quit', label: t('tray.quit') },
    ],
  };
}
