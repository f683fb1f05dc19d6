import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'quiet' | 'accent' | 'warn' | 'danger' | 'ok';

/** A pill for a state, a tag or a count. Colour is never the only signal: the text says it too. */
export function Badge({
  tone = 'neutral',
  label,
  className,
  testId,
  children,
}: {
  tone?: BadgeTone;
  label?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const classes = ['badge', tone === 'neutral' ? null : `tone-${tone}`, className].filter(Boolean).join(' ');
  return (
    <span className={classes} aria-label={label} data-testid={testId}>
      {children}
    </span>
  );
}
