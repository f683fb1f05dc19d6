import type { Clock } from '../../../shared/domain/clock.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { Db } from '../../store/database.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { defineFeature } from '../server-feature.ts';
import { KudosService } from './kudos-service.ts';
import { KudosStore } from './kudos-store.ts';

/** Kudos: a person thanks a colleague, who gets a toast; the thanks count on their People card. */
export function kudosFeature(db: Db, deps: { gate: WriteGate; directory: DirectoryStore; clock: Clock }) {
  const store = new KudosStore(db);
  const kudos = new KudosService({ ...deps, store });
  return defineFeature({
    name: 'kudos',
    methods: {
      'kudos.give': (ctx, p) => kudos.give(ctx.userId, p.toUserId, p.message),
      'kudos.counts': () => kudos.counts(),
      'kudos.recent': async (_ctx, p) => ({ kudos: await kudos.recent(p.userId) }),
    },
    personalData: async (userId) => ({ kudos: await store.involving(userId) }),
  });
}
