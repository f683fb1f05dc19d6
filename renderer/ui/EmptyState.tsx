import type { ReactNode } from 'react';
import { InboxIcon } from './icons.tsx';

/** What a list shows when it has nothing: what is missing and, where there is one, what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <InboxIcon />
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  );
}
