import { defineCoreFeature } from '../core-feature.ts';
import { launcherAppliers } from './launcher-appliers.ts';
import { launcherHandlers } from './launcher-handlers.ts';

/** The launcher in core: the cached catalog and favourites, launching tools signed in. */
export const launcherFeature = defineCoreFeature({
  name: 'launcher',
  appliers: (cache) => launcherAppliers(cache.launcher),
  handlers: (ctx) =>
    launcherHandlers({
      session: ctx.session,
      act: ctx.act,
      clock: ctx.clock,
      shell: ctx.launcher.shell,
      allowedPrograms: ctx.launcher.allowedPrograms,
      platform: ctx.launcher.platform,
      env: ctx.launcher.env,
      openRoute: ctx.openRoute,
      changed: () => ctx.changed('launcher'),
    }),
});
