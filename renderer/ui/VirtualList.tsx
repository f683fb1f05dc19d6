import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';
import './virtual-list.css';

/**
 * A list that renders only the rows in view (TanStack Virtual), so an inbox of 5,000 tasks costs
 * the same to draw as one of 20. Rows have a fixed height; arrow keys move between rows.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  label,
  selectedKey,
}: {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  label: string;
  selectedKey: string | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands out fresh functions each render by design; this component is not memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  return (
    <div ref={scrollRef} className="virtual-scroll" role="list" aria-label={label} data-count={items.length}>
      <div style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          const key = getKey(item);
          return (
            <div
              key={key}
              role="listitem"
              className={key === selectedKey ? 'virtual-row selected' : 'virtual-row'}
              style={{
                position: 'absolute',
                insetInlineStart: 0,
                insetInlineEnd: 0,
                blockSize: rowHeight,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
