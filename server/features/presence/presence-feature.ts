import { defineFeature } from '../server-feature.ts';
import type { Presence } from './presence-module.ts';

/** Presence on the server: who is online, away or busy, watched per socket; leaders' hours for HR. */
export function presenceFeature(presence: Presence, deps: { tickMs: number }) {
  return defineFeature({
    name: 'presence',
    methods: presence.methodHandlers(),
    addRoutes(routes, access) {
      presence.addRoutes(routes, access.roles(['admin', 'hr'], 'only HR and admins see leaders’ hours'));
    },
    personalData: (userId) => ({ settings: presence.service.mine(userId) }),
    start({ every, gateway }) {
      presence.start(gateway, deps.tickMs, every);
    },
    stop() {
      presence.stop();
    },
  });
}
