import { describe, expect, it } from 'vitest';
import { MemoryBackend, SettingsStore } from './settings.ts';

describe('user settings', () => {
  it('falls back to the default for a hand-edited bad value and keeps the good ones', () => {
    const backend = new MemoryBackend();
    backend.store = { language: 'klingon', serverUrl: 'http://oa:8787', lastUsername: 42 };
    expect(new SettingsStore(backend).get()).toEqual({
      language: null,
      serverUrl: 'http://oa:8787',
      lastUsername: null,
      doNotDisturbUntil: null,
    });
  });

  it('refuses to store an invalid value', () => {
    const settings = new SettingsStore(new MemoryBackend());
    expect(() => settings.update({ language: 'xx' as never })).toThrow();
    expect(settings.update({ language: 'zh-CN' }).language).toBe('zh-CN');
  });
});
