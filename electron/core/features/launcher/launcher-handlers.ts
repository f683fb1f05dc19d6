import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { LaunchOutcome, LauncherEntryView } from '../../../../shared/bridge/views.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { CatalogEntry, LaunchSource } from '../../../../shared/domain/launcher/index.ts';
import { parseDeepLink } from '../../../../shared/deep-link/deep-link.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { checkProgram } from './program-allow-list.ts';
import { runProgram } from './program-runner.ts';
import type { LauncherShell } from './launcher-types.ts';
import { requestTicket } from './ticket-client.ts';
import { webLaunch } from './web-launch.ts';
import type { Act } from '../../sync/action-outcome.ts';

type LauncherHandlers = Pick<
  BridgeHandlers,
  'launcher.catalog' | 'launcher.launch' | 'launcher.setFavorite' | 'palette.recent' | 'palette.remember'
>;

export interface LauncherContext {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
  shell: LauncherShell;
  /** IT's allow-list (policy `allowedPrograms`). */
  allowedPrograms(): readonly string[];
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A deep-link tool opens a page of the app. */
  openRoute(route: string): void;
  changed(): void;
}

const failed = (code: string, message: string, details?: Record<string, string>): LaunchOutcome => ({
  status: 'failed',
  code,
  message,
  ...(details ? { details } : {}),
});

/** The launcher on the client: the catalog (kept for offline use), launching each kind of tool, favourites. */
export function launcherHandlers(ctx: LauncherContext): LauncherHandlers {
  const view = (tool: CatalogEntry): LauncherEntryView => ({ ...tool, availability: availability(tool, ctx) });

  async function catalog(s: SignedInSession): Promise<CatalogEntry[] | null> {
    if (s.sync.state === 'online' && s.cache.launcher.isStale()) {
      try {
        s.cache.launcher.replace(await s.sync.request('launcher.catalog', {}));
      } catch {
        // Offline or refused: the kept copy is what we have.
      }
    }
    return s.cache.launcher.catalog();
  }

  async function launch(s: SignedInSession, tool: CatalogEntry): Promise<LaunchOutcome> {
    const target = tool.target;
    if (target.kind === 'deeplink') {
      const link = parseDeepLink(target.link);
      if (!link.ok) return failed('bad_link', link.reason);
      ctx.openRoute(link.route);
      return { status: 'opened' };
    }
    if (target.kind === 'program') {
      const outcome = await runProgram(target, { allowList: ctx.allowedPrograms(), platform: ctx.platform, env: ctx.env });
      return outcome.ok ? { status: 'opened' } : failed(outcome.code, outcome.reason, { path: outcome.path });
    }
    let ticket = null;
    if (target.sso.mode !== 'none') {
      if (s.sync.state !== 'online') return failed('offline', 'signing in to a tool needs the Portico server');
      const issued = await requestTicket(s, tool.id);
      if (!issued.ok) return failed(issued.code === 'unreachable' ? 'offline' : 'ticket_refused', issued.message);
      ticket = issued.ticket;
    }
    const opened = await ctx.shell.openWeb(webLaunch(tool.id, target, ticket));
    return 'openUrl' in opened ? { status: 'open', url: opened.openUrl } : { status: 'opened' };
  }

  function recordUse(s: SignedInSession, toolId: string, source: LaunchSource): void {
    const at = ctx.clock.now();
    s.cache.launcher.launched(toolId, at);
    s.cache.launcher.remember(`tool:${toolId}`, at);
    // Through the outbox: counted once even if the launch happened offline or the app quits now.
    s.sync.enqueue('launcher.used', { toolId, at, source });
    ctx.changed();
  }

  return {
    'launcher.catalog': async () => {
      const s = ctx.session();
      if (!s) return null;
      return (await catalog(s))?.map(view) ?? null;
    },
    'launcher.launch': async ({ toolId, source }) => {
      const s = ctx.session();
      if (!s) return failed('signed_out', 'sign in first');
      const tool = (await catalog(s))?.find((t) => t.id === toolId);
      if (!tool) return failed('no_tool', `no tool ${toolId} in this catalog`);
      const outcome = await launch(s, tool);
      if (outcome.status !== 'failed') recordUse(s, toolId, source);
      return outcome;
    },
    'launcher.setFavorite': async ({ toolId, favorite }) =>
      ctx.act((s) => {
        s.cache.launcher.setFavorite(toolId, favorite);
        ctx.changed();
        return s.sync.enqueue('launcher.setFavorite', { toolId, favorite });
      }),
    'palette.recent': async () => ctx.session()?.cache.launcher.recent() ?? [],
    'palette.remember': async ({ id }) => {
      ctx.session()?.cache.launcher.remember(id, ctx.clock.now());
      return { ok: true };
    },
  };
}

function availability(tool: CatalogEntry, ctx: LauncherContext): LauncherEntryView['availability'] {
  if (tool.target.kind !== 'program') return 'ready';
  const path = (tool.target.paths as Record<string, string | undefined>)[ctx.platform];
  if (path === undefined) return 'other_platform';
  return checkProgram(path, ctx.allowedPrograms(), ctx.platform, ctx.env).ok ? 'ready' : 'not_allowed';
}
