import { describe, expect, it } from 'vitest';
import { applierTable } from './event-appliers.ts';

describe('the event applier table', () => {
  it('takes each kind from the feature that applies it', () => {
    const table = applierTable([
      ['notices', { 'notice.withdrawn': () => 'notices' }],
      ['chat', { 'chat.left': () => 'chat' }],
    ]) as unknown as Record<string, () => string>;
    expect(table['chat.left']!()).toBe('chat');
  });

  it('refuses a kind two features apply, naming both', () => {
    expect(() =>
      applierTable([
        ['chat', { 'chat.left': () => 'chat' }],
        ['kudos', { 'chat.left': () => 'chat' }],
      ]),
    ).toThrow('event chat.left is applied by both chat and kudos');
  });
});
