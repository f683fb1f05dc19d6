import { defineCoreFeature } from '../core-feature.ts';
import { kudosAppliers } from './kudos-appliers.ts';
import { kudosHandlers } from './kudos-handlers.ts';
import { planKudosToasts } from './kudos-toasts.ts';

/** Kudos in core: thanks received as a toast; thanking goes through the outbox. */
export const kudosFeature = defineCoreFeature({
  name: 'kudos',
  appliers: () => kudosAppliers(),
  toasts: (events, { t }) => planKudosToasts(events, t),
  handlers: (ctx) => kudosHandlers({ session: ctx.session, act: ctx.act, changed: () => ctx.changed('kudos') }),
});
