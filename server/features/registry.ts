import type { Logger } from 'pino';
import type { ServerMetrics } from '../ops/metrics.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import type { MethodName } from '../../shared/protocol/methods.ts';
import type { InProcessBus } from '../delivery/event-bus.ts';
import type { ServerConfig } from '../config.ts';
import { demoFeature } from '../demo/demo-feature.ts';
import { seedDemoOrganisation } from '../demo/seed-demo.ts';
import type { Db } from '../store/database.ts';
import type { WriteGate } from '../delivery/write-gate.ts';
import { approvalsFeature } from './approvals/approvals-feature.ts';
import { createApprovals } from './approvals/approvals-module.ts';
import { attendanceFeature } from './attendance/attendance-feature.ts';
import { createAttendance } from './attendance/attendance-module.ts';
import type { AuthService } from './auth/auth-service.ts';
import { briefFeature } from './brief/brief-feature.ts';
import { BriefService } from './brief/brief-service.ts';
import { BriefStore } from './brief/brief-store.ts';
import { chatFeature } from './chat/chat-feature.ts';
import { CrashReportStore } from './crashes/crash-report-store.ts';
import { crashesFeature } from './crashes/crashes-feature.ts';
import { createChat } from './chat/chat-module.ts';
import { DirectoryAdmin } from './directory/directory-admin.ts';
import { directoryFeature } from './directory/directory-feature.ts';
import type { DirectoryStore } from './directory/directory-store.ts';
import type { EventLog } from '../delivery/event-log.ts';
import { kudosFeature } from './kudos/kudos-feature.ts';
import { launcherFeature } from './launcher/launcher-feature.ts';
import { createLauncher } from './launcher/launcher-module.ts';
import { createNotices } from './notices/notices-module.ts';
import { noticesFeature } from './notices/notices-feature.ts';
import { createPresence } from './presence/presence-module.ts';
import { presenceFeature } from './presence/presence-feature.ts';
import type { MethodsOf, ServerFeature, SnapshotPartKey, SnapshotPartsOf } from './server-feature.ts';
import { syncFeature } from './sync/sync-feature.ts';

/** What every feature stands on: storage, the delivery core, the organisation, sign-in and the clock. */
export interface Platform {
  db: Db;
  gate: WriteGate;
  bus: InProcessBus;
  log: EventLog;
  directory: DirectoryStore;
  auth: AuthService;
  clock: Clock;
  logger: Logger;
  metrics: ServerMetrics;
  config: ServerConfig;
  serverVersion: string;
  /** The server's public address: the configured one, else where it listens. */
  publicUrl: () => string;
}

/**
 * The one list of the server's features, wired in dependency order. Adding a feature is one line
 * here and a folder of its own; the composition root (app.ts) only loops over what this returns.
 */
export async function createServerFeatures(platform: Platform) {
  const { db, gate, directory, clock, logger, metrics, config } = platform;
  const directoryAdmin = new DirectoryAdmin(db, { gate, directory, clock });
  // Access ends when it should: a disabled account's sessions are revoked at once.
  directoryAdmin.listen({
    created: () => undefined,
    moved: () => undefined,
    disabled: (userId) => platform.auth.endAllSessions(userId, 'account disabled'),
    passwordReset: (userId) => platform.auth.endAllSessions(userId, 'password reset'),
  });
  const approvals = createApprovals(db, {
    gate,
    directory,
    clock,
    logger,
    metrics,
    timeZone: config.timeZone,
    callbacks: { retryBaseMs: config.callbackRetryMs },
  });
  const { attachments } = approvals;
  const notices = createNotices(db, {
    gate,
    directory,
    directoryAdmin,
    attachments,
    clock,
    logger,
    metrics,
    timeZone: config.timeZone,
  });
  const attendance = createAttendance(db, {
    gate,
    directory,
    clock,
    timeZone: config.timeZone,
    hooks: approvals.hooks,
    requests: approvals.requests,
  });
  const launcher = await createLauncher(db, {
    gate,
    directory,
    clock,
    issuer: platform.publicUrl,
    keyRotationMs: config.ssoKeyRotationDays * 24 * 3600_000,
  });
  const chat = createChat(db, {
    gate,
    directory,
    attachments,
    clock,
    signal: (userIds, signal) => platform.bus.signal({ userIds, signal }),
  });
  const presence = createPresence(db, {
    directory,
    clock,
    timeZone: config.timeZone,
    graceMs: config.presenceGraceMs,
    outOfOffice: (userId) => approvals.outOfOffice.view(userId),
  });
  const brief = new BriefService({
    gate,
    store: new BriefStore(db),
    directory,
    tasks: approvals.tasks,
    outOfOffice: approvals.outOfOffice,
    attendance: attendance.service,
    isOnline: (userId) => presence.tracker.isOnline(userId),
    clock,
  });
  const seeded = config.demo
    ? await seedDemoOrganisation({
        db,
        gate,
        notices: notices.service,
        onboarding: notices.onboarding,
        approvals: approvals.service,
        attendance,
        clock,
      })
    : false;

  const holding = [
    directoryFeature({ directory, admin: directoryAdmin, trustProxy: config.trustProxy }),
    approvalsFeature(approvals, {
      now: () => clock.now(),
      serverVersion: platform.serverVersion,
      sweepMs: config.sweepIntervalMs,
      callbackRetryMs: config.callbackRetryMs,
      leaveChanged: (userId) => presence.tracker.outOfOfficeChanged(userId),
      mayDownloadLinked: {
        notice: (noticeId, userId) => notices.service.mayDownload(noticeId, userId),
        message: (messageId, userId) => chat.messages.mayDownload(messageId, userId),
      },
    }),
    noticesFeature(notices, { sweepMs: config.sweepIntervalMs, statsIntervalMs: config.statsIntervalMs }),
    attendanceFeature(attendance),
    launcherFeature(launcher, { sweepMs: config.sweepIntervalMs }),
    chatFeature(chat),
    presenceFeature(presence, { tickMs: config.presenceTickMs }),
    briefFeature(brief),
    kudosFeature(db, { gate, directory, clock }),
    crashesFeature(new CrashReportStore(config.dataDir), { clock, trustProxy: config.trustProxy }),
  ] as const;
  // The first sync's snapshot is assembled from the features' parts, read in one pass with the log's head.
  const answering = [syncFeature({ log: platform.log, gate: platform.gate, directory, features: holding }), ...holding] as const;
  // Every protocol method and every snapshot part has an owner among the features: one without fails to compile here.
  const everyMethodOwned: [Exclude<MethodName, MethodsOf<(typeof answering)[number]>>] extends [never] ? true : never = true;
  const everyPartOwned: [Exclude<SnapshotPartKey, SnapshotPartsOf<(typeof holding)[number]>>] extends [never] ? true : never =
    true;
  void everyMethodOwned;
  void everyPartOwned;

  const demo = config.demo
    ? [demoFeature({ seeded, publicUrl: platform.publicUrl, launcher: launcher.service, clock, logger })]
    : [];
  const features: readonly ServerFeature[] = [...answering, ...demo];
  return {
    features,
    seeded,
    /** The features' insides, for the integration tests that still reach past their public surface. */
    services: {
      notices: notices.service,
      noticesModule: notices,
      directoryAdmin,
      brief,
      attendance,
      approvals,
      launcher,
      chat,
      presence,
    },
  };
}
