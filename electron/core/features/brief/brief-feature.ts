import { defineCoreFeature } from '../core-feature.ts';
import { briefAppliers } from './brief-appliers.ts';
import { planBriefToasts } from './brief-toasts.ts';

/** The daily brief in core: the department's key items, a new one as a toast; its assistant answers the calls. */
export const briefFeature = defineCoreFeature({
  name: 'brief',
  appliers: (cache) => briefAppliers(cache.brief),
  toasts: (events, { me, t }) => planBriefToasts(events, me, t),
  handlers: (ctx) => ctx.assistants.brief.handlers(),
});
