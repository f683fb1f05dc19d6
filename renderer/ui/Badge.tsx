import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'warn' | 'danger' | 'ok';

/** A pill for a state, a tag or a count. Colour is never the only signal: the text says it too. */
export function Badge({ tone = 'neutral', label, children }: { tone?: BadgeTone; label?: string; children: ReactNode }) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge tone-${tone}`} aria-label={label}>
      {children}
    </span>
  );
}
