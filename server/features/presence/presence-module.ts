import type { Every, GuardedTimer } from '../../store/guarded-timer.ts';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../../../shared/domain/clock.ts';
import { IsoDate } from '../../../shared/domain/attendance/index.ts';
import type { PresenceView } from '../../../shared/domain/presence/index.ts';
import { HttpProblem, type HttpRoutes, sendJson } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { MethodHandlers } from '../../gateway/method-router.ts';
import type { SocketGateway } from '../../gateway/socket-gateway.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { PresenceInputs } from './presence-rules.ts';
import { PresenceService } from './presence-service.ts';
import { PresenceStore } from './presence-store.ts';
import { PresenceTracker } from './presence-tracker.ts';
import { PresenceWatchers } from './presence-watchers.ts';

export type Presence = ReturnType<typeof createPresence>;

const Range = z.object({ from: IsoDate, to: IsoDate }).refine((r) => r.from <= r.to, 'from must not be after to');
const RANGE_DAYS_MAX = 92;

/** Wires presence: the tracker of this node's sockets, the watchers, settings and online spans. */
export function createPresence(
  db: Db,
  deps: {
    directory: DirectoryStore;
    clock: Clock;
    timeZone: string;
    graceMs: number;
    outOfOffice: (userId: string) => PresenceInputs['outOfOffice'];
  },
) {
  // The gateway is created after the method table; presence reaches it once attached (`start`).
  let deliver: (connectionIds: ReadonlySet<string>, view: PresenceView) => void = () => {};
  let timer: GuardedTimer | undefined;
  const store = new PresenceStore(db);
  const watchers = new PresenceWatchers();
  const tracker = new PresenceTracker({
    store,
    clock: deps.clock,
    timeZone: deps.timeZone,
    graceMs: deps.graceMs,
    outOfOffice: deps.outOfOffice,
    changed: (view) => {
      const to = watchers.watchersOf(view.userId);
      if (to.size > 0) deliver(to, view);
    },
  });
  // One transaction per tick: extending 10,000 open spans one commit at a time held the loop for 250 ms.
  const tick = db.transaction(() => tracker.tick((userId) => watchers.isWatched(userId)));
  const service = new PresenceService({
    tracker,
    store,
    watchers,
    directory: deps.directory,
    clock: deps.clock,
    timeZone: deps.timeZone,
  });
  return {
    tracker,
    watchers,
    service,
    /** Counts the gateway's sockets, sends it the changes, and looks at the clock every `tickMs`. */
    start(gateway: SocketGateway, tickMs: number, every: Every): void {
      deliver = (ids, view) => gateway.signalConnections(ids, { kind: 'presence', presence: view });
      gateway.listen({
        opened: (userId, connectionId) => tracker.connected(userId, connectionId),
        closed: (userId, connectionId) => {
          watchers.remove(connectionId);
          tracker.disconnected(userId, connectionId);
        },
      });
      timer = every('presence tick', tickMs, tick);
    },
    stop(): void {
      timer?.stop();
    },
    methodHandlers(): Pick<MethodHandlers, Extract<keyof MethodHandlers, `presence.${string}`>> {
      return {
        'presence.report': (ctx, p) => service.report(ctx.userId, ctx.connectionId, p.idle),
        'presence.watch': (ctx, p) => service.watch(ctx.connectionId, p.userIds),
        'presence.mine': (ctx) => service.mine(ctx.userId),
        'presence.set': (ctx, p) => service.set(ctx.userId, p),
        'presence.leaders': (ctx) => service.leaders(ctx.userId),
      };
    },
    tick(): void {
      tick();
    },
    addRoutes(routes: HttpRoutes, authenticateAdmin: (req: IncomingMessage) => Promise<string>): void {
      routes.add('GET', '/api/admin/presence/leaders', async (req, res, url) => {
        await authenticateAdmin(req);
        const parsed = Range.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
        if (!parsed.success) throw new HttpProblem(400, 'invalid_params', 'give ?from=YYYY-MM-DD&to=YYYY-MM-DD, from ≤ to');
        const days = (Date.parse(parsed.data.to) - Date.parse(parsed.data.from)) / 86_400_000 + 1;
        if (days > RANGE_DAYS_MAX) throw new HttpProblem(400, 'invalid_params', `at most ${RANGE_DAYS_MAX} days at once`);
        sendJson(res, 200, {
          from: parsed.data.from,
          to: parsed.data.to,
          leaders: service.leadersOnlineTime(parsed.data.from, parsed.data.to),
        });
      });
    },
  };
}
