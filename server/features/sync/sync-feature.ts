import { defineFeature } from '../server-feature.ts';
import { buildSnapshot } from './snapshot.ts';

/** The first sync: everything a new device needs, at one position of the person's log, from every feature's part. */
export function syncFeature(deps: Parameters<typeof buildSnapshot>[0]) {
  return defineFeature({
    name: 'sync',
    methods: {
      'sync.snapshot': (ctx) => buildSnapshot(deps, ctx.userId),
    },
  });
}
