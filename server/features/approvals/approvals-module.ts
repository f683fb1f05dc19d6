import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../../ops/metrics.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { HttpRoutes } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import { addAttachmentRoutes } from '../attachments/attachment-routes.ts';
import { AttachmentStore } from '../attachments/attachment-store.ts';
import { WorkCalendar, defaultWorkCalendar } from '../calendar/work-calendar.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { type CallbackOptions, CallbackQueue } from '../integrations/callback-queue.ts';
import { ExternalTasks } from '../integrations/external-tasks.ts';
import { addIntegrationRoutes } from '../integrations/integration-routes.ts';
import { IntegrationStore } from '../integrations/integration-store.ts';
import { ApprovalFlow } from './approval-flow.ts';
import { ApprovalService } from './approval-service.ts';
import { ApprovalSweeper } from './approval-sweeper.ts';
import { OutOfOfficeService } from './out-of-office-service.ts';
import { OutOfOfficeStore } from './out-of-office-store.ts';
import { RequestStore } from './request-store.ts';
import { TaskStore } from './task-store.ts';
import { addTemplateRoutes } from './template-routes.ts';
import { TemplateStore } from './template-store.ts';
import { DigestStore } from './digest-store.ts';
import { WorkflowHooks } from './workflow-hooks.ts';

export type Approvals = ReturnType<typeof createApprovals>;

/** Wires the approval workflow, its integrations and its timers; the composition root adds it whole. */
export function createApprovals(
  db: Db,
  deps: {
    gate: WriteGate;
    directory: DirectoryStore;
    clock: Clock;
    logger: Logger;
    metrics: Pick<ServerMetrics, 'callbacksFailed'>;
    timeZone: string;
    callbacks?: Partial<CallbackOptions>;
  },
) {
  const { gate, directory, clock } = deps;
  const calendar = new WorkCalendar({ ...defaultWorkCalendar, timeZone: deps.timeZone });
  const templates = new TemplateStore(db);
  templates.seedBuiltins(clock.now());
  const requests = new RequestStore(db);
  const tasks = new TaskStore(db);
  const outOfOfficeStore = new OutOfOfficeStore(db);
  const attachments = new AttachmentStore(db);
  const integrations = new IntegrationStore(db);
  const callbacks = new CallbackQueue(
    db,
    { integrations, directory, clock, logger: deps.logger, metrics: deps.metrics },
    deps.callbacks,
  );
  const hooks = new WorkflowHooks();
  const flow = new ApprovalFlow({
    hooks,
    requests,
    tasks,
    outOfOffice: outOfOfficeStore,
    calendar,
    onExternalDecision: (request, status, by, comment) => callbacks.enqueue(request, status, by, comment),
  });
  const service = new ApprovalService({
    gate,
    templates,
    requests,
    tasks,
    outOfOffice: outOfOfficeStore,
    attachments,
    directory,
    flow,
    clock,
  });
  const outOfOffice = new OutOfOfficeService({ gate, store: outOfOfficeStore, tasks, requests, directory, flow, clock });
  const sweeper = new ApprovalSweeper({
    digests: new DigestStore(db),
    gate,
    tasks,
    requests,
    outOfOffice: outOfOfficeStore,
    outOfOfficeService: outOfOffice,
    directory,
    flow,
    calendar,
    clock,
  });
  const external = new ExternalTasks({ gate, requests, directory, flow, clock });

  return {
    requests,
    service,
    hooks,
    outOfOffice,
    sweeper,
    tasks,
    templates,
    attachments,
    integrations,
    external,
    callbacks,
    calendar,
    addRoutes(
      routes: HttpRoutes,
      authenticate: (req: IncomingMessage) => Promise<string>,
      serverVersion: string,
      mayDownloadLinked: {
        notice: (noticeId: string, userId: string) => Promise<boolean>;
        message: (messageId: string, userId: string) => boolean | Promise<boolean>;
      },
    ): void {
      addTemplateRoutes(routes, { templates, directory, clock, authenticate });
      addAttachmentRoutes(routes, {
        attachments,
        clock,
        authenticate,
        mayDownload: async (file, userId) =>
          (file.requestId !== null && service.mayDownload(file.requestId, userId)) ||
          (file.noticeId !== null && (await mayDownloadLinked.notice(file.noticeId, userId))) ||
          (file.messageId !== null && (await mayDownloadLinked.message(file.messageId, userId))),
      });
      addIntegrationRoutes(routes, { integrations, gate: deps.gate, external, directory, clock, serverVersion, authenticate });
    },
  };
}
