import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import packageJson from '../package.json' with { type: 'json' };
import { type Clock, systemClock } from '../shared/domain/clock.ts';
import { CloseCode } from '../shared/protocol/errors.ts';
import { InProcessBus } from './bus/event-bus.ts';
import type { ServerConfig } from './config.ts';
import { seedDemoOrganisation } from './demo/seed-demo.ts';
import { addDemoToolRoutes } from './demo/sample-tool.ts';
import { seedDemoTools } from './demo/seed-tools.ts';
import { ActionJournal } from './features/actions/action-journal.ts';
import { type Approvals, createApprovals } from './features/approvals/approvals-module.ts';
import { type Attendance, createAttendance } from './features/attendance/attendance-module.ts';
import { AccessTokens } from './features/auth/access-tokens.ts';
import { addAuthRoutes } from './features/auth/auth-routes.ts';
import { AuthService } from './features/auth/auth-service.ts';
import { AuthStore } from './features/auth/auth-store.ts';
import { DirectoryStore } from './features/directory/directory-store.ts';
import { EventLog } from './features/events/event-log.ts';
import { BriefService } from './features/brief/brief-service.ts';
import { BriefStore } from './features/brief/brief-store.ts';
import { DirectoryAdmin } from './features/directory/directory-admin.ts';
import { addDirectoryRoutes } from './features/directory/directory-routes.ts';
import type { NoticeService } from './features/notices/notice-service.ts';
import { type Notices, createNotices } from './features/notices/notices-module.ts';
import { type Launcher, createLauncher } from './features/launcher/launcher-module.ts';
import { requireRole } from './features/auth/require-role.ts';
import { type Chat, createChat } from './features/chat/chat-module.ts';
import { type Presence, createPresence } from './features/presence/presence-module.ts';
import { peopleWithPinyin } from './features/directory/people-pinyin.ts';
import { buildSnapshot } from './features/sync/snapshot.ts';
import { AckRecorder } from './gateway/ack-recorder.ts';
import { HttpProblem, HttpRoutes, bearerToken } from './gateway/http-kit.ts';
import { httpDispatcher } from './gateway/http-dispatch.ts';
import { clientAddress } from './gateway/client-address.ts';
import { parseRequestTarget } from '../shared/http/request-target.ts';
import { addOperationsRoutes } from './gateway/operations-routes.ts';
import { MethodRouter } from './gateway/method-router.ts';
import { SocketGateway } from './gateway/socket-gateway.ts';
import { openServerDatabase } from './store/database.ts';
import { logEpoch } from './store/meta.ts';
import { WriteGate } from './store/write-gate.ts';
import { WriteHealth } from './store/write-health.ts';
import { type Every, everyGuarded } from './store/guarded-timer.ts';
import { loadOrCreateSecret } from './keys.ts';

/** Connections the kernel queues for accept (≤ net.core.somaxconn). At 9:00 Node's default 511 overflowed in the bench: dropped SYNs, retried after 1, 2, 4… s. */
const LISTEN_BACKLOG = 4096;
/** A person's desktop, browser tabs and a spare; 3,000 sockets from one user were once accepted. */
const SOCKETS_PER_USER = 10;
/** Uploads never attached to anything (a form abandoned) are deleted after this. */
const UNLINKED_UPLOAD_TTL_MS = 6 * 3600_000;

export const SERVER_VERSION = packageJson.version;

export interface PorticoServer {
  url: string;
  wsUrl: string;
  port: number;
  seededDemo: boolean;
  services: {
    log: EventLog;
    notices: NoticeService;
    noticesModule: Notices;
    directoryAdmin: DirectoryAdmin;
    brief: BriefService;
    attendance: Attendance;
    gate: WriteGate;
    directory: DirectoryStore;
    approvals: Approvals;
    launcher: Launcher;
    chat: Chat;
    presence: Presence;
  };
  gateway: SocketGateway;
  /** Every HTTP route, for tests that walk the whole API. */
  routes: { method: string; path: string }[];
  logger: Logger;
  close(): Promise<void>;
}

/** Composition root: wires store, bus, features and the one HTTP+WebSocket port. */
export async function startPorticoServer(
  config: ServerConfig,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<PorticoServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'portico-server' } });
  const db = openServerDatabase(path.join(config.dataDir, 'portico.sqlite'), {
    durability: config.durability,
  });
  const epoch = logEpoch(db);
  const bus = new InProcessBus();
  const log = new EventLog(db, clock);
  // Whether writes succeed (/readyz says so), and the one way to run a repeating job that writes.
  const health = new WriteHealth(() => clock.now());
  const every: Every = (name, intervalMs, work) => everyGuarded(name, intervalMs, work, { logger, health });
  const gate = new WriteGate(db, log, bus, health);
  const directory = new DirectoryStore(db);
  const directoryAdmin = new DirectoryAdmin(db, { gate, directory, clock });
  const approvals = createApprovals(db, {
    gate,
    directory,
    clock,
    logger,
    timeZone: config.timeZone,
    callbacks: { retryBaseMs: config.callbackRetryMs },
  });
  const noticesModule = createNotices(db, {
    gate,
    directory,
    directoryAdmin,
    attachments: approvals.attachments,
    clock,
    logger,
    timeZone: config.timeZone,
  });
  const notices = noticesModule.service;
  const attendance = createAttendance(db, { gate, directory, clock, timeZone: config.timeZone, hooks: approvals.hooks });
  const auth = new AuthService(
    new AuthStore(db),
    new AccessTokens(loadOrCreateSecret(config.dataDir, 'access.key'), config.accessTtlSeconds * 1000, () => clock.now()),
    clock,
  );
  const journal = new ActionJournal(db);
  // Access ends when it should: a disabled account's sessions are revoked, a reused refresh token ends its session.
  directoryAdmin.listen({
    created: () => undefined,
    moved: () => undefined,
    disabled: (userId) => auth.endAllSessions(userId, 'account disabled'),
  });
  let listeningUrl = '';
  const launcher = await createLauncher(db, {
    gate,
    directory,
    clock,
    issuer: () => config.publicUrl ?? listeningUrl,
    keyRotationMs: config.ssoKeyRotationDays * 24 * 3600_000,
  });

  const chat = createChat(db, {
    gate,
    directory,
    attachments: approvals.attachments,
    clock,
    signal: (userIds, signal) => bus.signal({ userIds, signal }),
  });
  const presence = createPresence(db, {
    directory,
    clock,
    timeZone: config.timeZone,
    graceMs: config.presenceGraceMs,
    outOfOffice: (userId) => approvals.outOfOffice.view(userId),
  });
  /** A change to someone's leave, then presence reads it again (it keeps leave cached). */
  const leaveChange = <T>(userId: string, change: () => T): T => {
    const result = change();
    presence.tracker.outOfOfficeChanged(userId);
    return result;
  };
  const router = new MethodRouter(
    {
      'sync.snapshot': (ctx) =>
        buildSnapshot(
          {
            log,
            directory,
            notices: noticesModule.store,
            tasks: approvals.tasks,
            outOfOffice: approvals.outOfOffice,
            attendance: attendance.service,
            conversations: chat.conversations,
          },
          ctx.userId,
        ),
      'approvals.templates': () => approvals.service.enabledTemplates(),
      'approvals.detail': (ctx, p) => approvals.service.detail(ctx.userId, p.requestId),
      'approvals.preview': (ctx, p) => approvals.service.preview(ctx.userId, p),
      'approvals.submit': (ctx, p) => approvals.service.submit(ctx.userId, p),
      'approvals.decide': (ctx, p) => approvals.service.decide(ctx.userId, p),
      'approvals.withdraw': (ctx, p) => approvals.service.withdraw(ctx.userId, p.requestId),
      'approvals.comment': (ctx, p) => approvals.service.comment(ctx.userId, p),
      'approvals.setOutOfOffice': (ctx, p) => leaveChange(ctx.userId, () => approvals.outOfOffice.set(ctx.userId, p)),
      'approvals.clearOutOfOffice': (ctx) => leaveChange(ctx.userId, () => approvals.outOfOffice.clear(ctx.userId)),
      'directory.people': () => peopleWithPinyin(directory.people()),
      'notices.markRead': (ctx, p) => notices.markRead(ctx.userId, p.noticeId),
      'notices.acknowledge': (ctx, p) => notices.acknowledge(ctx.userId, p.noticeId),
      'notices.publish': (ctx, p) => notices.publish(ctx.userId, p),
      'notices.edit': (ctx, p) => notices.edit(ctx.userId, p),
      'notices.withdraw': (ctx, p) => notices.withdraw(ctx.userId, p.noticeId),
      'notices.remind': (ctx, p) => notices.remind(ctx.userId, p.noticeId),
      'notices.published': (ctx) => notices.published(ctx.userId),
      'notices.stats': (ctx, p) => notices.stats(ctx.userId, p.noticeId),
      'notices.stragglers': (ctx, p) => notices.stragglers(ctx.userId, p.noticeId),
      'notices.reach': (ctx, p) => notices.reach(ctx.userId, p.noticeId),
      'notices.exportCsv': (ctx, p) => notices.exportCsv(ctx.userId, p.noticeId, p.language),
      'directory.departments': () => directory.departments(),
      'launcher.catalog': (ctx) => launcher.service.catalog(ctx.userId),
      'launcher.setFavorite': (ctx, p) => launcher.service.setFavorite(ctx.userId, p.toolId, p.favorite),
      'launcher.used': (ctx, p) => launcher.service.recordLaunch(ctx.userId, p.toolId, p.at, p.source),
      'brief.today': (ctx) => brief.today(ctx.userId),
      'brief.addItem': (ctx, p) => brief.addItem(ctx.userId, p.text),
      'brief.removeItem': (ctx, p) => brief.removeItem(ctx.userId, p.itemId),
      'attendance.clockIn': (ctx, p) => attendance.service.record(ctx, 'in', p),
      'attendance.clockOut': (ctx, p) => attendance.service.record(ctx, 'out', p),
      'attendance.month': (ctx, p) => attendance.service.month(ctx.userId, p.month),
      ...chat.methodHandlers(),
      ...presence.methodHandlers(),
    },
    gate,
    journal,
    clock,
    (error, method) => logger.error({ err: error, method }, 'request failed'),
  );

  const acks = new AckRecorder(log, 2000, every);
  const gateway = new SocketGateway(
    {
      log,
      router,
      auth,
      acks,
      clock,
      logger,
      epoch,
      serverVersion: SERVER_VERSION,
      limits: {
        connectionBurst: 60,
        connectionPerSecond: 30,
        replayPageSize: 500,
        maxStrikes: 200,
      },
    },
    bus,
    {
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      heartbeatMs: config.heartbeatMs,
      userBurst: 120,
      userPerSecond: 60,
      maxSocketsPerUser: SOCKETS_PER_USER,
      maxSocketsPerAddress: 5000,
    },
  );

  auth.onSessionsEnded((ended, reason) =>
    'userId' in ended
      ? gateway.closeUser(ended.userId, CloseCode.sessionRevoked, reason)
      : gateway.closeSession(ended.sessionId, CloseCode.sessionRevoked, reason),
  );
  presence.start(gateway, config.presenceTickMs, every);

  const brief: BriefService = new BriefService({
    gate,
    store: new BriefStore(db),
    directory,
    tasks: approvals.tasks,
    outOfOffice: approvals.outOfOffice,
    attendance: attendance.service,
    isOnline: (userId: string): boolean => presence.tracker.isOnline(userId),
    clock,
  });

  const seededDemo = config.demo
    ? await seedDemoOrganisation({
        db,
        gate,
        notices,
        onboarding: noticesModule.onboarding,
        approvals: approvals.service,
        attendance,
        clock,
      })
    : false;
  noticesModule.start(config.statsIntervalMs, every);
  const timers = [
    every('approval sweep', config.sweepIntervalMs, () => approvals.sweeper.tick()),
    every('notice sweep', config.sweepIntervalMs, () => noticesModule.tick()),
    every('launcher sweep', config.sweepIntervalMs, () => launcher.tick()),
    every('unlinked uploads', config.sweepIntervalMs, () =>
      approvals.attachments.removeUnlinked(clock.now() - UNLINKED_UPLOAD_TTL_MS),
    ),
  ];
  approvals.callbacks.start(Math.min(1000, config.callbackRetryMs), every);
  const retentionMs = config.retentionDays * 24 * 3600_000;
  const prune = () => {
    const events = log.prune(retentionMs);
    const actions = journal.prune(clock.now() - retentionMs);
    if (events + actions > 0) logger.info({ events, actions }, 'pruned past retention');
  };
  try {
    prune();
  } catch (error) {
    logger.error({ err: error }, 'pruning at start failed; the hourly prune tries again');
  }
  timers.push(every('retention prune', 3600_000, prune));

  const authenticate = async (req: IncomingMessage): Promise<string> => {
    const token = bearerToken(req);
    if (!token) throw new HttpProblem(401, 'token_missing', 'send "Authorization: Bearer <access token>"');
    const check = await auth.verifyAccess(token);
    if (!check.ok) throw new HttpProblem(401, `token_${check.reason}`, `access token ${check.reason}`);
    return check.claims.userId;
  };

  let shuttingDown = false;
  const routes = new HttpRoutes();
  addOperationsRoutes(routes, {
    db,
    version: SERVER_VERSION,
    shuttingDown: () => shuttingDown,
    health,
    gateway,
    socketsPerUser: SOCKETS_PER_USER,
    config,
  });
  addAuthRoutes(routes, {
    auth,
    directory,
    clientAddress: (req) => clientAddress(req, config.trustProxy),
    onLogout: (refreshToken) => {
      const sessionId = auth.logout(refreshToken);
      if (sessionId) gateway.closeSession(sessionId, CloseCode.sessionRevoked, 'signed out');
    },
  });
  noticesModule.addRoutes(
    routes,
    authenticate,
    requireRole(authenticate, directory, ['admin'], 'only admins choose the onboarding notices'),
  );
  addDirectoryRoutes(routes, {
    admin: directoryAdmin,
    directory,
    authenticateHr: requireRole(authenticate, directory, ['hr', 'admin'], 'only HR and admins manage accounts'),
    authenticateAdmin: requireRole(authenticate, directory, ['admin'], 'only admins read the account audit'),
    clientAddress: (req) => clientAddress(req, config.trustProxy),
  });
  approvals.addRoutes(routes, authenticate, SERVER_VERSION, {
    notice: (noticeId, userId) => notices.mayDownload(noticeId, userId),
    message: (messageId, userId) => chat.messages.mayDownload(messageId, userId),
  });
  const authenticateAdmin = requireRole(authenticate, directory, ['admin'], 'only admins change this');
  chat.addRoutes(routes, authenticateAdmin);
  presence.addRoutes(routes, requireRole(authenticate, directory, ['admin', 'hr'], 'only HR and admins see leaders’ hours'));
  attendance.addRoutes(routes, authenticate);
  launcher.addRoutes(routes, authenticate, requireRole(authenticate, directory, ['admin'], 'only admins manage the launcher'));
  if (config.demo) addDemoToolRoutes(routes, () => config.publicUrl ?? listeningUrl, clock);

  const http: Server = createServer({ headersTimeout: 20_000, requestTimeout: 120_000 }, httpDispatcher(routes, logger, health));
  http.on('upgrade', (req, socket, head) => {
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok || target.url.pathname !== '/ws' || shuttingDown) {
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    try {
      gateway.handleUpgrade(req, socket, head);
    } catch (error) {
      logger.error({ err: error }, 'upgrade failed');
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const hostForUrl = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${hostForUrl.includes(':') ? `[${hostForUrl}]` : hostForUrl}:${port}`;
  listeningUrl = url;
  if (seededDemo) {
    const skipped = seedDemoTools(launcher.service, config.publicUrl ?? url);
    if (skipped.length > 0) logger.warn({ skipped }, 'some demo tools were left out');
  }
  logger.info({ url, dataDir: config.dataDir, epoch }, 'portico server listening');

  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    port,
    seededDemo,
    services: {
      log,
      notices,
      noticesModule,
      directoryAdmin,
      brief,
      attendance,
      gate,
      directory,
      approvals,
      launcher,
      chat,
      presence,
    },
    gateway,
    routes: routes.list(),
    logger,
    async close() {
      shuttingDown = true;
      for (const timer of timers) timer.stop();
      presence.stop();
      await approvals.callbacks.stop();
      await noticesModule.stop();
      gateway.close(1001, 'server shutting down');
      acks.stop();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      db.close();
    },
  };
}
