// A windowed list: only the rows in view (plus a margin) are in the DOM, so thousands of entries scroll smoothly.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** Called when the last rows come into view, to load the next page. */
  onEndReached?: () => void;
  label: string;
  /** Rows rendered beyond each edge of the view, so a fast scroll does not show blanks. */
  overscan?: number;
  footer?: ReactNode;
}

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

export function VirtualList<T>({ items, rowHeight, height, keyOf, renderRow, onEndReached, label, overscan = 6, footer }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const { first, last } = visibleRange(scrollTop, height, rowHeight, items.length, overscan);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  // Near the end (within a screenful), ask for more; also when a short first page does not fill the view.
  useEffect(() => {
    if (onEndReached && last >= items.length - Math.ceil(height / rowHeight)) onEndReached();
  }, [last, items.length, height, rowHeight, onEndReached]);

  // Scroll events can fire faster than frames; one state update per frame is enough.
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(viewport.current?.scrollTop ?? 0));
  };

  return (
    <div
      ref={viewport}
      onScroll={onScroll}
      style={{ height, overflowY: 'auto', position: 'relative', contain: 'strict' }}
      tabIndex={0}
      role="region"
      aria-label={label}
      data-testid="virtual-list"
    >
      <ul role="list" aria-label={label} style={{ height: items.length * rowHeight, margin: 0, padding: 0, listStyle: 'none', position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={keyOf(item)}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ position: 'absolute', top: index * rowHeight, height: rowHeight, left: 0, right: 0, overflow: 'hidden' }}
            >
              {renderRow(item, index)}
            </li>
          );
        })}
      </ul>
      {footer}
    </div>
  );
}
