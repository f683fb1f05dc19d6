import type { ConnectionView, HomeView, Language, SessionView } from '../../shared/bridge/views.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import type { CoreOptions } from './core-options.ts';
import { buildHomeView } from './home-view.ts';
import { translatorFor } from './i18n/core-i18n.ts';
import type { SessionKeeper } from './session/session-keeper.ts';
import { effectiveLanguage } from './settings/effective-language.ts';
import { type TrayModel, buildTrayModel } from './tray/tray-model.ts';

/**
 * What core shows of itself, read fresh from the session and the settings each time: the session,
 * the connection, Home, the tray menu, and the language toasts and the tray speak.
 */
export class CoreViews {
  private readonly deps: {
    keeper: () => SessionKeeper;
    options: Pick<CoreOptions, 'settings' | 'policy' | 'systemLocale'>;
    clock: Clock;
  };

  constructor(deps: CoreViews['deps']) {
    this.deps = deps;
  }

  session(): SessionView {
    return this.deps.keeper().view();
  }

  connection(): ConnectionView {
    const s = this.deps.keeper().session;
    return {
      state: s ? s.sync.state : 'offline',
      nextRetryAt: s ? s.sync.nextRetryAt : null,
      queuedActions: s ? s.outbox.size() : 0,
    };
  }

  home(): HomeView {
    return buildHomeView(this.deps.keeper().session, this.deps.options.settings.get().doNotDisturbUntil, this.deps.clock.now());
  }

  /** The tray menu in the user's language, built from the cache. */
  tray(): TrayModel {
    const language = this.language();
    const s = this.deps.keeper().session;
    const pending = s?.cache.approvals.listPending() ?? [];
    const tools = s?.cache.launcher.catalog() ?? [];
    return buildTrayModel(this.home(), this.connection(), pending, language, translatorFor(language), tools);
  }

  /** The language toasts and the tray speak (electron/core/settings/effective-language.ts). */
  language(): Language {
    const { settings, policy, systemLocale } = this.deps.options;
    return effectiveLanguage(settings.get().language, policy, systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale);
  }
}
