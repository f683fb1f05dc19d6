import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/protocol/methods.ts';
import type { MethodHandlers } from '../gateway/method-router.ts';
import { type ServerFeature, defineFeature, methodTable } from './server-feature.ts';

/** A feature answering the given methods with a marker (the table's wiring, not the handlers, is under test). */
const answering = (name: string, names: readonly string[]): ServerFeature =>
  defineFeature({ name, methods: Object.fromEntries(names.map((m) => [m, () => name])) as Partial<MethodHandlers> as never });

describe('the method table', () => {
  const all = Object.keys(methods);

  it('takes each method from the one feature that answers it', () => {
    const table = methodTable([answering('first', all.slice(0, 10)), answering('rest', all.slice(10))]);
    expect(Object.keys(table).sort()).toEqual([...all].sort());
    const first = table[all[0] as keyof MethodHandlers] as unknown as () => string;
    expect(first()).toBe('first');
  });

  it('refuses to start when two features claim a method, naming both', () => {
    expect(() => methodTable([answering('chat', all), answering('kudos', [all[3]!])])).toThrow(
      `method ${all[3]} is claimed by both chat and kudos`,
    );
  });

  it('refuses to start when a method has no feature, naming it', () => {
    expect(() => methodTable([answering('most', all.slice(1))])).toThrow(`no feature answers ${all[0]}`);
  });
});
