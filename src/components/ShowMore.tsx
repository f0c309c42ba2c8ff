/**
 * Long lists drawn a page at a time: the first `first` rows, then `step` more each time the end
 * of the list comes near the screen (an IntersectionObserver on a marker after the last row) or
 * the "Show more" button is pressed. Each row says where it stands (`aria-posinset` of
 * `aria-setsize`), so a screen reader hears "3 of 5,000"; the line above the button says how many
 * are shown, and the button moves focus to the first new row so the keyboard carries on there.
 * Find-in-page sees only the rows drawn; the list's filters find the rest.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface ShowMoreOptions {
  /** Rows drawn at first. */
  first?: number;
  /** Rows added by each "Show more". */
  step?: number;
  /** A row that must be drawn (e.g. one jumped to from elsewhere): the count grows to reach it. */
  reveal?: number;
}

export interface ShowMoreState {
  /** How many rows to draw now. */
  shown: number;
  /** Draw `step` more rows. */
  more: (focusFirstNew?: boolean) => void;
  /** Put on the marker element after the list: drawing more starts when it nears the screen. */
  markerRef: (el: HTMLElement | null) => void;
  /** Index of the first row added by the last "Show more" pressed from the keyboard or pointer, to focus. */
  focusIndex: number | null;
}

const hasObserver = () => typeof IntersectionObserver !== 'undefined';

export function useShowMore(total: number, { first = 60, step = 200, reveal }: ShowMoreOptions = {}): ShowMoreState {
  const [count, setCount] = useState(first);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);
  const shown = Math.min(total, Math.max(count, reveal === undefined ? 0 : reveal + 1));
  const shownRef = useRef(shown);
  shownRef.current = shown;

  const more = useCallback(
    (focusFirstNew = false) => {
      if (focusFirstNew) setFocusIndex(shownRef.current);
      setCount(shownRef.current + step);
    },
    [step],
  );

  const markerRef = useCallback(
    (el: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el || !hasObserver()) return;
      observer.current = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) more();
        },
        { rootMargin: '0px 0px 800px 0px' },
      );
      observer.current.observe(el);
    },
    [more],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return { shown, more, markerRef, focusIndex };
}

/** Focus the element `[data-row="index"]` inside `container` once it is drawn. */
export function useFocusRow(container: React.RefObject<HTMLElement | null>, index: number | null) {
  useLayoutEffect(() => {
    if (index === null) return;
    const row = container.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    const target = row?.querySelector<HTMLElement>('[tabindex], button, a[href]') ?? row;
    target?.focus();
  }, [container, index]);
}

export interface ShowMoreProps {
  state: ShowMoreState;
  total: number;
  /** What the rows are, plural: "conflicts", "items". */
  noun: string;
  step?: number;
}

const number = (n: number) => n.toLocaleString('en-GB');

/** After a list drawn in pages: how many are shown, a marker that draws more on scrolling, and a button. */
export function ShowMore({ state, total, noun, step = 200 }: ShowMoreProps) {
  if (state.shown >= total) return null;
  const next = Math.min(step, total - state.shown);
  return (
    <div className="show-more" ref={state.markerRef}>
      <span>
        Showing {number(state.shown)} of {number(total)} {noun}.
      </span>{' '}
      <button type="button" onClick={() => state.more(true)}>
        Show {number(next)} more
      </button>
    </div>
  );
}
