import { describe, expect, it } from 'vitest';
import { builtinTemplates } from './builtin-templates.ts';

describe('built-in templates', () => {
  it('the built-in templates carry Hebrew for every name, label, option and step', () => {
    const names = builtinTemplates.flatMap((t) => [
      t.name,
      t.description,
      ...t.steps.map((s) => s.name),
      ...t.fields.flatMap((f) => [f.label, ...(f.type === 'select' ? f.options.map((o) => o.label) : [])]),
    ]);
    expect(names.filter((n) => !n.he)).toEqual([]);
  });
});
