import { describe, expect, it } from 'vitest';
import { keepOrder } from './stable-order.ts';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('the notices list keeps its order while it is open', () => {
  it('does not move a notice that was read (core now sorts it below the unread ones)', () => {
    const shown = ['n_a', 'n_b', 'n_c'];
    // Core's new order after n_a was read: unread first.
    expect(ids(keepOrder(shown, [{ id: 'n_b' }, { id: 'n_c' }, { id: 'n_a' }]))).toEqual(['n_a', 'n_b', 'n_c']);
  });

  it('puts a notice that arrived meanwhile on top, and drops one that is gone', () => {
    expect(ids(keepOrder(['n_a', 'n_b', 'n_c'], [{ id: 'n_new' }, { id: 'n_c' }, { id: 'n_a' }]))).toEqual([
      'n_new',
      'n_a',
      'n_c',
    ]);
  });

  it("takes core's order when nothing was shown yet", () => {
    expect(ids(keepOrder([], [{ id: 'n_b' }, { id: 'n_a' }]))).toEqual(['n_b', 'n_a']);
  });
});
