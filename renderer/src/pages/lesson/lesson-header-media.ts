import { useEffect, useState } from 'react';

/**
 * Wide enough for a side column beside the reading column (68ch and 15rem, with the page's
 * margins): the lesson outline stands there, open, and costs the lesson text no height.
 */
export const SIDE_COLUMN = '(min-width: 76rem)';

/**
 * A short window (1024×600, or 1366×768 at 150 % zoom): the lesson's header folds what it can,
 * so that the lesson's own text starts on the first screen.
 */
export const SHORT_WINDOW = '(max-height: 40rem)';

/**
 * Whether a media query matches now, following the window as it is resized or zoomed. A
 * disclosure opened or closed by hand keeps its state until the window crosses the query.
 */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const follow = () => setMatches(list.matches);
    follow();
    list.addEventListener('change', follow);
    return () => list.removeEventListener('change', follow);
  }, [query]);
  return matches;
}
