import { z } from 'zod';
import { Language } from '../../../shared/bridge/views.ts';

export const Settings = z.object({
  serverUrl: z.string().max(2048).nullable().default(null),
  language: Language.nullable().default(null),
  lastUsername: z.string().max(64).nullable().default(null),
  /** Toasts are held until then (urgent notices still come through). */
  doNotDisturbUntil: z.number().int().nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

/** What electron-store (in the app) and conf (in plain Node) have in common: a JSON object on disk. */
export interface KeyValueBackend {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

/** The user's own settings, validated on every read: a hand-edited bad value falls back to its default. */
export class SettingsStore {
  private readonly backend: KeyValueBackend;
  constructor(backend: KeyValueBackend) {
    this.backend = backend;
  }

  get(): Settings {
    const raw = this.backend.store;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
      const field = Settings.shape[key].safeParse(raw[key]);
      if (field.success) out[key] = field.data;
    }
    return Settings.parse(out);
  }

  update(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.get(), ...patch });
    this.backend.set(next);
    return next;
  }
}

/** An in-memory backend for tests and for a first start before the disk store is ready. */
export class MemoryBackend implements KeyValueBackend {
  store: Record<string, unknown> = {};
  set(values: Record<string, unknown>): void {
    this.store = { ...this.store, ...values };
  }
}
