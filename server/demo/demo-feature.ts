import type { Clock } from '../../shared/domain/clock.ts';
import type { LauncherService } from '../features/launcher/launcher-service.ts';
import { defineFeature } from '../features/server-feature.ts';
import type { Logger } from 'pino';
import { addDemoToolRoutes } from './sample-tool.ts';
import { seedDemoTools } from './seed-tools.ts';

/**
 * The demo office's tools (`--demo`): the sample tools' pages, and, once the port is open and its
 * address known, the demo launcher catalog on a freshly seeded database.
 */
export function demoFeature(deps: {
  seeded: boolean;
  publicUrl: () => string;
  launcher: LauncherService;
  clock: Clock;
  logger: Logger;
}) {
  return defineFeature({
    name: 'demo',
    methods: {},
    addRoutes(routes) {
      addDemoToolRoutes(routes, deps.publicUrl, deps.clock);
    },
    async listening() {
      if (!deps.seeded) return;
      const skipped = await seedDemoTools(deps.launcher, deps.publicUrl());
      if (skipped.length > 0) deps.logger.warn({ skipped }, 'some demo tools were left out');
    },
  });
}
