// A type-ahead search as a combobox with a listbox (WAI-ARIA combobox pattern), shared by the Outlook pane's regarding
// picker and the Teams config page's account picker: the search waits for a pause in typing and drops an answer that
// no longer fits what is typed; arrows, Home and End move through the options, Enter picks, Escape clears the search,
// a click or tap picks too. The focus stays in the search field throughout (aria-activedescendant).
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type KeyboardEvent, type MouseEvent } from 'react';

export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchComboboxOptions<T> {
  /**
   * Asks for the options matching `q` (at least `minLength` characters, trimmed); aborted when the text changes. A new
   * function searches again, so callers keep it stable (useCallback).
   */
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  /** Listed before anything is typed. */
  offered?: readonly T[];
  onPick: (option: T) => void;
  minLength?: number;
}

export function useSearchCombobox<T>({ search, offered = [], onPick, minLength = 2 }: SearchComboboxOptions<T>) {
  const listId = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<T[] | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const query = q.trim();
  const searching = query.length >= minLength;

  useEffect(() => {
    setActive(-1);
    if (!searching) return setFound(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setError(null);
      search(query, abort.signal).then(
        (items) => (setFound(items), setActive(-1)),
        (e: unknown) => !abort.signal.aborted && setError(e),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => (clearTimeout(timer), abort.abort());
  }, [search, query, searching, attempt]);

  const options: readonly T[] = searching ? (found ?? []) : offered;
  const count = options.length;
  const optionId = (index: number) => `${listId}-${index}`;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const next = ({ ArrowDown: (active + 1) % count, ArrowUp: active <= 0 ? count - 1 : active - 1, Home: 0, End: count - 1 } as Record<string, number>)[e.key];
    if (next !== undefined && count > 0) {
      e.preventDefault();
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      // Enter in the search never submits a form around it: it picks the active option or does nothing.
      e.preventDefault();
      const option = options[active];
      if (option !== undefined) onPick(option);
    } else if (e.key === 'Escape' && q) {
      e.preventDefault();
      setQ('');
    }
  };

  return {
    q,
    setQ,
    /** The trimmed text; a search runs once it has `minLength` characters. */
    query,
    searching,
    options,
    /** The index the arrows are on, -1 for none. */
    active,
    /** Searching and no answer yet. */
    loading: searching && found === null && !error,
    /** Searched, and nothing matched. */
    nothing: searching && found?.length === 0,
    error,
    retry: () => setAttempt((n) => n + 1),
    inputProps: {
      role: 'combobox' as const,
      'aria-autocomplete': 'list' as const,
      'aria-expanded': count > 0,
      'aria-controls': listId,
      'aria-activedescendant': active >= 0 && active < count ? optionId(active) : undefined,
      onKeyDown,
    },
    listProps: { id: listId, role: 'listbox' as const },
    optionProps: (index: number) => ({
      id: optionId(index),
      role: 'option' as const,
      'aria-selected': index === active,
      // A mouse press must not take the focus from the search field before the click picks.
      onMouseDown: (e: MouseEvent) => e.preventDefault(),
      onClick: () => onPick(options[index]!),
    }),
  };
}

/** The options' look in both pickers. */
export const useComboboxOptionStyles = makeStyles({
  option: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The option the arrows are on; outlined as well as shaded, so it shows in high contrast too.
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  chosen: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});
