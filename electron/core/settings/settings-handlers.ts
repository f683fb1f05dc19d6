import type { BridgeHandlers } from '../../../shared/bridge/contract.ts';
import type { HomeView } from '../../../shared/bridge/views.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import { type EffectivePolicy, lockedKeys } from '../policy/resolve-policy.ts';
import { lockedLanguage } from './effective-language.ts';
import type { SettingsStore } from './settings.ts';

/** The bridge's settings calls: what the user chose, what IT set and locked. */
export function settingsHandlers(ctx: {
  settings: SettingsStore;
  policy: EffectivePolicy | undefined;
  clock: Clock;
  homeView(): HomeView;
  emit(home: HomeView): void;
}): Pick<BridgeHandlers, 'settings.get' | 'settings.setDoNotDisturb' | 'settings.setLanguage'> {
  return {
    'settings.get': async () => ({
      language: lockedLanguage(ctx.policy) ?? ctx.settings.get().language,
      policyLanguage: ctx.policy?.values.defaultLanguage ?? null,
      languageLocked: lockedLanguage(ctx.policy) !== null,
      locked: ctx.policy ? lockedKeys(ctx.policy) : [],
      chatEnabled: ctx.policy?.values.chatEnabled ?? true,
      doNotDisturbUntil: ctx.homeView().doNotDisturbUntil,
    }),
    'settings.setDoNotDisturb': async ({ until }) => {
      ctx.settings.update({ doNotDisturbUntil: until !== null && until > ctx.clock.now() ? until : null });
      ctx.emit(ctx.homeView());
      return { ok: true };
    },
    'settings.setLanguage': async ({ language }) => {
      if (lockedLanguage(ctx.policy) !== null) return { ok: false, code: 'locked' };
      ctx.settings.update({ language });
      return { ok: true };
    },
  };
}
