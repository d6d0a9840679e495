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
  /** Keys of rows shown at their content's height (an expanded note); all others take rowHeight. */
  grown?: ReadonlySet<string>;
}

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

// Row tops when some rows are taller than rowHeight; null while all rows are equal, so the common case stays arithmetic.
function rowTops<T>(items: readonly T[], rowHeight: number, keyOf: (item: T) => string, heights: ReadonlyMap<string, number>): number[] | null {
  if (heights.size === 0) return null;
  const tops = [0];
  for (const item of items) tops.push(tops.at(-1)! + (heights.get(keyOf(item)) ?? rowHeight));
  return tops;
}

function firstRowBelow(tops: readonly number[], y: number): number {
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tops[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function VirtualList<T>({ items, rowHeight, height, keyOf, renderRow, onEndReached, label, overscan = 6, footer, grown }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(new Map());
  const frame = useRef(0);
  const heights = new Map([...measured].filter(([key]) => grown?.has(key)));
  const tops = rowTops(items, rowHeight, keyOf, heights);
  const topOf = (index: number) => (tops ? tops[index]! : index * rowHeight);
  const { first, last } = tops
    ? {
        first: Math.max(0, firstRowBelow(tops, scrollTop) - overscan),
        last: Math.min(items.length, firstRowBelow(tops, scrollTop + height) + 1 + overscan),
      }
    : visibleRange(scrollTop, height, rowHeight, items.length, overscan);
  const measure = (key: string) => (li: HTMLLIElement | null) => {
    if (!li || !grown?.has(key)) return;
    const h = Math.max(rowHeight, li.scrollHeight);
    if (measured.get(key) !== h) setMeasured((m) => new Map(m).set(key, h));
  };

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
      <ul role="list" aria-label={label} style={{ height: tops ? tops.at(-1) : items.length * rowHeight, margin: 0, padding: 0, listStyle: 'none', position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          const key = keyOf(item);
          const tall = grown?.has(key) ?? false;
          return (
            <li
              key={key}
              ref={tall ? measure(key) : undefined}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{
                position: 'absolute',
                top: topOf(index),
                height: tall ? 'auto' : rowHeight,
                minHeight: rowHeight,
                left: 0,
                right: 0,
                overflow: 'hidden',
              }}
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
