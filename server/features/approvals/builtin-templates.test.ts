import { describe, expect, it } from 'vitest';
import { CONTENT_LANGUAGES } from '../../../shared/domain/localized-text.ts';
import { builtinTemplates } from './builtin-templates.ts';

describe('built-in templates', () => {
  it('the built-in templates carry all six languages for every name, label, option, unit and step', () => {
    const names = builtinTemplates.flatMap((t) => [
      t.name,
      t.description,
      ...t.steps.map((s) => s.name),
      ...t.fields.flatMap((f) => [
        f.label,
        ...(f.type === 'select' ? f.options.map((o) => o.label) : []),
        ...(f.type === 'number' && f.unit ? [f.unit] : []),
      ]),
    ]);
    const missing = names.flatMap((n) => CONTENT_LANGUAGES.filter((l) => !n[l]).map((l) => `${n.en}: ${l}`));
    expect(missing).toEqual([]);
    // Written, not copied: no Russian name is the English or the Chinese one left in place.
    expect(names.filter((n) => n.ru === n.en || n.ru === n['zh-CN'])).toEqual([]);
  });
});
