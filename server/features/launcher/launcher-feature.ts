import type { GuardedTimer } from '../../store/guarded-timer.ts';
import { defineFeature } from '../server-feature.ts';
import type { Launcher } from './launcher-module.ts';

/** The launcher on the server: each person's catalog, favourites and launches; tools and keys for admins. */
export function launcherFeature(launcher: Launcher, deps: { sweepMs: number }) {
  const { service } = launcher;
  let sweep: GuardedTimer | undefined;
  return defineFeature({
    name: 'launcher',
    methods: {
      'launcher.catalog': (ctx) => service.catalog(ctx.userId),
      'launcher.setFavorite': (ctx, p) => service.setFavorite(ctx.userId, p.toolId, p.favorite),
      'launcher.used': (ctx, p) => service.recordLaunch(ctx.userId, p.toolId, p.at, p.source),
    },
    addRoutes(routes, access) {
      launcher.addRoutes(routes, access.signedIn, access.roles(['admin'], 'only admins manage the launcher'));
    },
    start({ every }) {
      sweep = every('launcher sweep', deps.sweepMs, () => launcher.tick());
    },
    stop() {
      sweep?.stop();
    },
  });
}
