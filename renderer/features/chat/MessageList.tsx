import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';

const NEAR_BOTTOM_PX = 120;
const NEAR_TOP_PX = 300;

/**
 * A conversation's messages, virtualised (TanStack Virtual, heights measured as rows render), so
 * 10,000 messages cost what 30 do. It opens at the newest, follows new messages while the reader is
 * at the bottom, and asks for older pages near the top, keeping the reader's place.
 */
export function MessageList<T>({
  items,
  getKey,
  renderRow,
  label,
  onNearTop,
  onAtBottom,
  followKey,
}: {
  items: readonly T[];
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  /** Asks for older items; resolves with how many were added at the top. */
  onNearTop: () => Promise<number>;
  onAtBottom: () => void;
  /** Changes when the newest item changes (a new message, a pending one). */
  followKey: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const loading = useRef(false);
  const opened = useRef(false);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: (index) => getKey(items[index]!),
  });

  // Open at the newest message; afterwards follow new ones only while the reader is at the bottom.
  useLayoutEffect(() => {
    if (items.length === 0) return;
    if (!opened.current || atBottom.current) {
      opened.current = true;
      virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
      requestAnimationFrame(() => virtualizer.scrollToIndex(items.length - 1, { align: 'end' }));
    }
  }, [followKey, items.length, virtualizer]);

  useEffect(() => {
    if (atBottom.current && items.length > 0) onAtBottom();
  }, [followKey, items.length, onAtBottom]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (bottom && !atBottom.current) onAtBottom();
    atBottom.current = bottom;
    if (element.scrollTop < NEAR_TOP_PX && !loading.current && opened.current) {
      loading.current = true;
      const firstKey = items.length > 0 ? getKey(items[0]!) : null;
      void onNearTop()
        .then((added) => {
          // Keep the reader's place: the message that was on top stays where it was.
          if (added > 0 && firstKey !== null) virtualizer.scrollToIndex(added, { align: 'start' });
        })
        .finally(() => {
          loading.current = false;
        });
    }
  };

  return (
    <div
      ref={scrollRef}
      className="message-scroll"
      role="log"
      aria-label={label}
      aria-live="polite"
      data-count={items.length}
      onScroll={onScroll}
    >
      <div style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="message-row"
            style={{ position: 'absolute', insetInlineStart: 0, insetInlineEnd: 0, transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index]!, row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
