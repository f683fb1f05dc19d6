import { describe, expect, it } from 'vitest';
import { promiseIn } from './personal-data.ts';

describe('a person’s export holds settled data only', () => {
  it('finds a promise however deep it sits, and names where', () => {
    expect(promiseIn({ clocks: [{ at: 1 }], history: { entries: [] } }, 'attendance')).toBeNull();
    expect(promiseIn({ history: Promise.resolve([]) }, 'directory')).toBe('directory.history');
    expect(promiseIn({ a: [{ b: { then: () => undefined } }] }, 'x')).toBe('x.a.0.b');
    expect(promiseIn(null, 'x')).toBeNull();
  });
});
