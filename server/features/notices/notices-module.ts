import type { Every } from '../../store/guarded-timer.ts';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../../ops/metrics.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { HttpRoutes } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { DirectoryAdmin } from '../directory/directory-admin.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { NoticeFanout } from './notice-fanout.ts';
import { NoticeReach } from './notice-reach.ts';
import { NoticeReachStore } from './notice-reach-store.ts';
import { addNoticeRoutes } from './notice-routes.ts';
import { NoticeService } from './notice-service.ts';
import { NoticeStatsFeed } from './notice-stats-feed.ts';
import { NoticeStore } from './notice-store.ts';
import { OnboardingStore } from './onboarding-store.ts';

export type Notices = ReturnType<typeof createNotices>;

/** Wires publishing, delivery, the publisher's live numbers and onboarding; hears about new and moved people. */
export function createNotices(
  db: Db,
  deps: {
    gate: WriteGate;
    directory: DirectoryStore;
    directoryAdmin: DirectoryAdmin;
    attachments: AttachmentStore;
    clock: Clock;
    logger: Logger;
    metrics: Pick<ServerMetrics, 'fanoutSeconds'>;
    timeZone: string;
    fanoutChunk?: number;
  },
) {
  const { gate, clock } = deps;
  const store = new NoticeStore(db);
  const reach = new NoticeReach(new NoticeReachStore(db), deps.timeZone);
  const onboarding = new OnboardingStore(db);
  const feed = new NoticeStatsFeed({ gate, store, reach, clock });
  const fanout = new NoticeFanout({
    gate,
    store,
    ...(deps.fanoutChunk ? { chunk: deps.fanoutChunk } : {}),
    onChunk: (noticeId) => feed.touch(noticeId),
    onError: (error, noticeId) => deps.logger.error({ err: error, noticeId }, 'notice delivery failed; it resumes later'),
    onDone: (_noticeId, seconds) => deps.metrics.fanoutSeconds.observe(seconds),
  });
  const service = new NoticeService({
    gate,
    store,
    reach,
    fanout,
    feed,
    directory: deps.directory,
    attachments: deps.attachments,
    clock,
  });
  deps.directoryAdmin.listen({
    created: async (userId) => void (await service.welcome(userId, await onboarding.noticeIds())),
    moved: async (userId) => void (await service.joined(userId)),
  });
  return {
    service,
    store,
    fanout,
    feed,
    onboarding,
    /** Finishes deliveries a crash interrupted and starts the live numbers. */
    async start(statsIntervalMs: number, every: Every): Promise<void> {
      const resumed = await fanout.resume();
      if (resumed > 0) deps.logger.info({ notices: resumed }, 'resuming notice deliveries');
      feed.start(statsIntervalMs, every);
    },
    /** On the sweep timer: scheduled notices that are due go live; stalled deliveries restart. */
    async tick(): Promise<void> {
      await service.publishDue();
      if (!fanout.busy) await fanout.resume();
    },
    async stop(): Promise<void> {
      feed.stop();
      await fanout.drained();
    },
    addRoutes(
      routes: HttpRoutes,
      authenticate: (req: IncomingMessage) => Promise<string>,
      authenticateAdmin: (req: IncomingMessage) => Promise<string>,
    ): void {
      addNoticeRoutes(routes, { notices: service, onboarding, gate, authenticate, authenticateAdmin });
    },
  };
}
