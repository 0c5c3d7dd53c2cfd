/**
 * Marks the first frame painted with figures: a `performance` mark (for the benchmark and the
 * browser's performance panel) and a flag the screen puts on its root as data-ready="true".
 */
import { useEffect, useState } from 'react';

export const RENDERED_MARK = 'retain:stats-rendered';

export function useRenderedMark(ready: boolean): boolean {
  const [marked, setMarked] = useState(false);
  useEffect(() => {
    if (!ready || marked) return;
    // After the commit, the next animation frame is the one that paints it (charts included).
    const frame = requestAnimationFrame(() => {
      performance.mark(RENDERED_MARK);
      setMarked(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, marked]);
  return marked;
}
