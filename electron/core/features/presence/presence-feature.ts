import { defineCoreFeature } from '../core-feature.ts';

/** Presence in core: signals, not events (nothing in the cache); its assistant answers the calls. */
export const presenceFeature = defineCoreFeature({
  name: 'presence',
  handlers: (ctx) => ctx.assistants.presence.handlers(),
});
